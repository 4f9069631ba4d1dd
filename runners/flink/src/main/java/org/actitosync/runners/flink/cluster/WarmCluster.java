package org.actitosync.runners.flink.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.client.program.ContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Flink cluster of a run of the Flink jar, started on its own thread as soon as the
 * command line allows it ({@link WarmClusterChoice}), so that its start (≈ 0.4 s, docs/benchmarks.md)
 * overlaps the launcher's work before the job (Beam's options, the config, the preflight, the
 * graph) instead of following it.
 *
 * <p>The cluster is the one Beam's {@code --flinkMaster=[local]} would start for the job, built
 * from the same configuration: Flink's configuration ({@code --flinkConfDir} or {@code
 * FLINK_CONF_DIR}), with Beam's managed memory (its fraction of the free heap, unless the size is
 * configured) and its class-loader leak check off; one TaskManager (unless configured) with as many
 * task slots as the job's parallelism; a REST port of 0. The run asks Beam for {@code
 * --flinkMaster=[auto]}, which takes the execution environment set here as Flink's context
 * ({@link ContextEnvironment}); its jobs go to this cluster ({@link WarmExecutor}). If the cluster
 * failed to start, or a job needs more slots than it has, the job gets a cluster of its own, as
 * with {@code [local]}.
 *
 * <p>{@link #close()} shuts the cluster down (its temporary folders go with it) and removes the
 * context; it is called once the run has reported.
 */
public final class WarmCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarmCluster.class);
  /** How long {@link #close()} waits for the cluster's shutdown. */
  private static final long CLOSE_SECONDS = 30;

  private final WarmClusterChoice choice;
  private final CompletableFuture<MiniCluster> started = new CompletableFuture<>();
  private boolean used;
  private boolean starting;

  /** A cluster for {@code choice}, not started yet ({@link #start()}). */
  public WarmCluster(WarmClusterChoice choice) {
    this.choice = choice;
  }

  /**
   * Reads Flink's configuration, sets this cluster's environment as Flink's context and starts the
   * cluster on a thread of its own; returns once the start is under way. Call it once this JVM's logs
   * are held (the launcher's {@code RunLog}): reading the configuration and starting the cluster both
   * log, and none of it may reach the terminal. It does nothing when {@link #args} left the command
   * line alone (the run does not use this cluster), and nothing the second time. When Flink's
   * configuration cannot be read (a {@code --flinkConfDir} or {@code FLINK_CONF_DIR} with no
   * configuration file, a malformed file), it sets no context and starts nothing: Beam reads the same
   * configuration for {@code [auto]} and reports the problem as it does for {@code [local]}.
   */
  public synchronized void start() {
    if (starting || !used) {
      return;
    }
    Configuration configuration;
    try {
      configuration = configuration(choice);
    } catch (RuntimeException unreadable) {
      return;
    }
    starting = true;
    Configuration environment = new Configuration(configuration);
    environment.set(DeploymentOptions.TARGET, WarmExecutor.NAME);
    environment.set(DeploymentOptions.ATTACHED, true);
    ContextEnvironment.setAsContext(new WarmExecutor(started, configuration, choice.parallelism()), environment,
        Thread.currentThread().getContextClassLoader(), false, true);
    Thread starter = new Thread(() -> {
      try {
        MiniCluster cluster =
            new MiniCluster(clusterConfiguration(withManagedMemory(configuration), choice.parallelism()));
        cluster.start();
        started.complete(cluster);
      } catch (Throwable e) { // NOPMD: any failure means "no warm cluster"; the job then starts its own
        started.completeExceptionally(e);
      }
    }, "actito-sync-warm-cluster");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * The command line to run with this cluster: {@code args} (with the jar's defaults) asking Beam
   * for {@code [auto]} instead of {@code [local]}; {@link #start()} then sets the environment Beam
   * takes for {@code [auto]}. {@code args} unchanged when they no longer ask for the embedded cluster
   * with this parallelism (then the cluster is not used).
   */
  public List<String> args(List<String> args) {
    List<String> result = new ArrayList<>(args);
    int master = result.indexOf("--flinkMaster=[local]");
    if (master < 0 || !result.contains("--parallelism=" + choice.parallelism())) {
      return args;
    }
    result.set(master, "--flinkMaster=[auto]");
    synchronized (this) {
      used = true;
    }
    return List.copyOf(result);
  }

  /** Whether {@link #start()} started the cluster (tests). */
  synchronized boolean isStarting() {
    return starting;
  }

  /** The cluster once started (tests). */
  CompletableFuture<MiniCluster> started() {
    return started;
  }

  /** Removes the context and shuts the cluster down, waiting for it (its temporary folders go). */
  @Override
  public void close() {
    ContextEnvironment.unsetAsContext();
    synchronized (this) {
      if (!starting) {
        return;
      }
    }
    try {
      started.get(CLOSE_SECONDS, TimeUnit.SECONDS).closeAsync().get(CLOSE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      LOG.debug("the warm cluster did not start or did not stop cleanly", e); // its start's failure was logged
    } catch (TimeoutException e) {
      LOG.warn("the embedded Flink cluster did not stop within {} s", CLOSE_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The configuration Beam gives an embedded cluster for {@code [local]} (its {@code
   * FlinkExecutionEnvironments}), but the managed memory ({@link #withManagedMemory}).
   */
  static Configuration configuration(WarmClusterChoice choice) {
    Configuration configuration = choice.flinkConfDir()
        .map(GlobalConfiguration::loadConfiguration)
        .orElseGet(GlobalConfiguration::loadConfiguration);
    if (!configuration.containsKey(CoreOptions.CHECK_LEAKED_CLASSLOADER.key())) {
      configuration.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    }
    return configuration;
  }

  /**
   * A copy of {@code configuration} with Beam's managed memory for {@code [local]}: the configured
   * fraction of the heap free now (after a collection), unless a size is configured.
   */
  static Configuration withManagedMemory(Configuration configuration) {
    Configuration copy = new Configuration(configuration);
    if (!copy.containsKey(TaskManagerOptions.MANAGED_MEMORY_SIZE.key())) {
      float fraction = copy.get(TaskManagerOptions.MANAGED_MEMORY_FRACTION);
      long size = (long) (EnvironmentInformation.getSizeOfFreeHeapMemoryWithDefrag() * fraction);
      copy.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, new MemorySize(size));
    }
    return copy;
  }

  /** The cluster Flink's local executor starts for a job of {@code parallelism} (PerJobMiniClusterFactory). */
  static MiniClusterConfiguration clusterConfiguration(Configuration configuration, int parallelism) {
    Configuration copy = new Configuration(configuration);
    if (!copy.contains(RestOptions.BIND_PORT)) {
      copy.set(RestOptions.BIND_PORT, "0");
    }
    int taskManagers = copy.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
    int slots = slotsPerTaskManager(copy, parallelism);
    return new MiniClusterConfiguration.Builder()
        .setConfiguration(copy)
        .setNumTaskManagers(taskManagers)
        .setRpcServiceSharing(RpcServiceSharing.SHARED)
        .setNumSlotsPerTaskManager(slots)
        .build();
  }

  /** The task slots of each TaskManager: configured, or enough for {@code parallelism} in all of them. */
  static int slotsPerTaskManager(Configuration configuration, int parallelism) {
    int taskManagers = configuration.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
    Optional<Integer> slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS);
    return slots.orElse((parallelism + taskManagers - 1) / taskManagers);
  }
}
