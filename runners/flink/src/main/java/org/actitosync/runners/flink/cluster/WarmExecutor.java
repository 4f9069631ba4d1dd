package org.actitosync.runners.flink.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.Plan;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.client.program.PerJobMiniClusterFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient.JobFinalizationBehavior;
import org.apache.flink.util.function.FunctionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on the {@link WarmCluster}, the way Flink's local executor runs it on a cluster of its
 * own: the plan's default parallelism is the cluster's slots, the job graph is Flink's, and the
 * client waits for the job's initialisation and reports its result and accumulators
 * ({@link MiniClusterJobClient}); the cluster outlives the job. A job gets a cluster of its own, as
 * with {@code [local]}, when the warm one failed to start (the reason is logged) or has fewer slots
 * than the job's parallelism.
 */
final class WarmExecutor implements PipelineExecutor, PipelineExecutorFactory, PipelineExecutorServiceLoader {
  /** The execution target naming this executor. */
  static final String NAME = "actito-sync-warm-cluster";
  private static final Logger LOG = LoggerFactory.getLogger(WarmExecutor.class);

  private final CompletableFuture<MiniCluster> started;
  private final Configuration configuration;
  private final int slots;

  WarmExecutor(CompletableFuture<MiniCluster> started, Configuration configuration, int parallelism) {
    this.started = started;
    this.configuration = configuration;
    this.slots = WarmCluster.slotsPerTaskManager(configuration, parallelism)
        * configuration.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
  }

  @Override
  public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration jobConfiguration, ClassLoader classLoader)
      throws Exception {
    Configuration effective = new Configuration(configuration);
    effective.addAll(jobConfiguration);
    if (pipeline instanceof Plan) { // as Flink's LocalExecutor does
      Plan plan = (Plan) pipeline;
      int taskManagers = effective.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
      plan.setDefaultParallelism(effective.get(TaskManagerOptions.NUM_TASK_SLOTS, plan.getMaximumParallelism()) * taskManagers);
    }
    JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, effective, classLoader);
    MiniCluster cluster = warmCluster();
    if (cluster == null || jobGraph.getMaximumParallelism() > slots) {
      if (cluster != null) {
        LOG.info("the job needs {} task slots and the embedded cluster has {}: it gets a cluster of its own",
            jobGraph.getMaximumParallelism(), slots);
      }
      return PerJobMiniClusterFactory.createWithFactory(WarmCluster.withManagedMemory(effective), MiniCluster::new)
          .submitJob(jobGraph, classLoader);
    }
    return cluster.submitJob(jobGraph)
        .thenApplyAsync(FunctionUtils.uncheckedFunction(submitted -> {
          JobID id = submitted.getJobID();
          ClientUtils.waitUntilJobInitializationFinished(
              () -> cluster.getJobStatus(id).get(), () -> cluster.requestJobResult(id).get(), classLoader);
          return (JobClient) new MiniClusterJobClient(id, cluster, classLoader, JobFinalizationBehavior.NOTHING);
        }));
  }

  /** The started cluster, or null (logged) when it failed to start. */
  private MiniCluster warmCluster() throws InterruptedException {
    try {
      return started.get();
    } catch (ExecutionException e) {
      LOG.warn("the embedded Flink cluster started early failed to start; the job starts one of its own", e.getCause());
      return null;
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isCompatibleWith(Configuration configuration) {
    return NAME.equals(configuration.get(org.apache.flink.configuration.DeploymentOptions.TARGET));
  }

  @Override
  public PipelineExecutor getExecutor(Configuration configuration) {
    return this;
  }

  @Override
  public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
    return this;
  }

  @Override
  public Stream<String> getExecutorNames() {
    return Stream.of(NAME);
  }
}
