package org.actitosync.runners.flink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.java.LocalEnvironment;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;

/**
 * Beam jobs on the warm cluster: real Flink, the way the Flink jar runs them ({@link
 * WarmCluster#args} turns {@code [local]} into {@code [auto]}). A job runs on the cluster started
 * before it, its output, metrics and failures reach Beam as with {@code [local]}, and a job that
 * needs more slots than the cluster has, or whose warm cluster failed to start, gets a cluster of
 * its own.
 */
class WarmClusterTest {
  private static final List<String> LOCAL = List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");

  @Test
  void aJobRunsOnTheClusterStartedBeforeItAndBeamGetsItsResult() throws Exception {
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(2, Optional.empty()))) {
      List<String> args = warm.args(LOCAL);
      warm.start(); // as the launcher's hook does, after the arguments
      assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=[auto]", "--parallelism=2"), args);
      MiniCluster cluster = warm.started().get(60, TimeUnit.SECONDS);
      for (int run = 1; run <= 2; run++) { // the cluster outlives each job
        PipelineResult result = countingJob(args, 5_000).run();
        assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
        assertEquals(5_000L, counted(result), "the job's metrics reach Beam");
        List<JobStatusMessage> jobs = new ArrayList<>(cluster.listJobs().get());
        assertEquals(run, jobs.size(), "every job ran on the warm cluster");
        assertTrue(jobs.stream().allMatch(job -> job.getJobState() == JobStatus.FINISHED), jobs.toString());
      }
    }
    assertInstanceOf(LocalEnvironment.class, ExecutionEnvironment.getExecutionEnvironment(), "closing removes the context");
  }

  @Test
  void aFailingJobFailsAsOnItsOwnCluster() throws Exception {
    RuntimeException local = assertThrows(RuntimeException.class, () -> failingJob(LOCAL).run().waitUntilFinish());
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(2, Optional.empty()))) {
      List<String> args = warm.args(LOCAL);
      warm.start();
      RuntimeException onWarm = assertThrows(RuntimeException.class, () -> failingJob(args).run().waitUntilFinish());
      assertEquals(local.getClass(), onWarm.getClass());
      assertEquals(causes(local), causes(onWarm), "the same causes, with the DoFn's message");
      assertTrue(causes(onWarm).contains("java.lang.IllegalStateException: row 7 is bad"), causes(onWarm));
      assertEquals(JobStatus.FAILED, warm.started().get().listJobs().get().iterator().next().getJobState());
    }
  }

  @Test
  void aJobNeedingMoreSlotsGetsAClusterOfItsOwn() throws Exception {
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(1, Optional.empty()))) {
      List<String> args = warm.args(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1"));
      warm.start();
      List<String> wider = new ArrayList<>(args);
      wider.set(2, "--parallelism=2");
      PipelineResult result = countingJob(wider, 1_000).run();
      assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
      assertEquals(1_000L, counted(result));
      assertEquals(0, warm.started().get().listJobs().get().size(), "not on the warm cluster's one slot");
    }
  }

  @Test
  void aClusterThatFailedToStartLeavesTheJobAClusterOfItsOwn() throws Exception {
    org.apache.flink.configuration.Configuration configuration =
        WarmCluster.configuration(new WarmClusterChoice(2, Optional.empty()));
    org.apache.flink.configuration.Configuration environment =
        new org.apache.flink.configuration.Configuration(configuration);
    environment.set(org.apache.flink.configuration.DeploymentOptions.TARGET, WarmExecutor.NAME);
    environment.set(org.apache.flink.configuration.DeploymentOptions.ATTACHED, true);
    WarmExecutor failed = new WarmExecutor(
        java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no port")), configuration, 2);
    org.apache.flink.client.program.ContextEnvironment.setAsContext(
        failed, environment, getClass().getClassLoader(), false, true);
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(WarmExecutor.class.getName());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        warnings.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      PipelineResult result =
          countingJob(List.of("--runner=FlinkRunner", "--flinkMaster=[auto]", "--parallelism=2"), 1_000).run();
      assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
      assertEquals(1_000L, counted(result));
      assertEquals(List.of("WARNING the embedded Flink cluster started early failed to start; the job starts one of its own"),
          warnings, "the job went through the warm executor's fallback");
    } finally {
      logger.removeHandler(handler);
      org.apache.flink.client.program.ContextEnvironment.unsetAsContext();
    }
  }

  @Test
  void argsAreLeftAloneWhenTheyNoLongerAskForThisCluster() {
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(2, Optional.empty()))) {
      List<String> otherParallelism = List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=3");
      assertEquals(otherParallelism, warm.args(otherParallelism));
      List<String> remote = List.of("--runner=FlinkRunner", "--flinkMaster=flink:8081");
      assertEquals(remote, warm.args(remote));
      warm.start();
      assertFalse(warm.isStarting(), "a cluster the run does not use is not started");
      assertInstanceOf(LocalEnvironment.class, ExecutionEnvironment.getExecutionEnvironment(), "no context set");
    } // never started: closing returns at once
  }

  @Test
  void theFlinkConfigurationFolderIsReadAndAnUnreadableOneMeansNoWarmCluster(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertNoWarmCluster(dir.resolve("missing"));
    assertNoWarmCluster(dir); // a folder without Flink's configuration file
    java.nio.file.Files.writeString(dir.resolve("flink-conf.yaml"), "taskmanager.numberOfTaskSlots: 3\n");
    org.apache.flink.configuration.Configuration read =
        WarmCluster.configuration(new WarmClusterChoice(2, Optional.of(dir.toString())));
    assertEquals(3, WarmCluster.slotsPerTaskManager(read, 2), "the folder's slots, not the parallelism");
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(2, Optional.of(dir.toString())))) {
      warm.args(LOCAL);
      warm.start();
      assertTrue(warm.isStarting());
      assertFalse(ExecutionEnvironment.getExecutionEnvironment() instanceof LocalEnvironment, "the context is set");
    }
  }

  /** With Flink's configuration unreadable in {@code confDir}, start() sets no context and starts nothing. */
  private static void assertNoWarmCluster(java.nio.file.Path confDir) {
    try (WarmCluster warm = new WarmCluster(new WarmClusterChoice(2, Optional.of(confDir.toString())))) {
      warm.args(LOCAL);
      warm.start();
      assertFalse(warm.isStarting(), confDir + ": started");
      assertInstanceOf(LocalEnvironment.class, ExecutionEnvironment.getExecutionEnvironment(), confDir + ": context set");
    }
  }

  @Test
  void theClustersSlotsAreTheJobsParallelismUnlessConfigured() {
    org.apache.flink.configuration.Configuration configuration = new org.apache.flink.configuration.Configuration();
    assertEquals(3, WarmCluster.slotsPerTaskManager(configuration, 3));
    configuration.set(org.apache.flink.configuration.TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS, 2);
    assertEquals(2, WarmCluster.slotsPerTaskManager(configuration, 3));
    configuration.set(org.apache.flink.configuration.TaskManagerOptions.NUM_TASK_SLOTS, 5);
    assertEquals(5, WarmCluster.slotsPerTaskManager(configuration, 3));
    assertNotNull(WarmCluster.withManagedMemory(configuration)
        .get(org.apache.flink.configuration.TaskManagerOptions.MANAGED_MEMORY_SIZE), "Beam's managed memory");
  }

  private static Pipeline countingJob(List<String> args, int rows) {
    Pipeline pipeline = Pipeline.create(options(args));
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      values.add(i);
    }
    PCollection<KV<Integer, Long>> counts = pipeline.apply(Create.of(values))
        .apply(ParDo.of(new CountFn()))
        .apply(WithKeys.of((Integer i) -> i % 10).withKeyType(TypeDescriptors.integers()))
        .apply(Count.perKey());
    List<KV<Integer, Long>> expected = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      expected.add(KV.of(k, (long) (rows / 10)));
    }
    PAssert.that(counts).containsInAnyOrder(expected);
    return pipeline;
  }

  private static Pipeline failingJob(List<String> args) {
    Pipeline pipeline = Pipeline.create(options(args));
    pipeline.apply(Create.of(1, 7, 9)).apply(ParDo.of(new FailFn()));
    return pipeline;
  }

  private static FlinkPipelineOptions options(List<String> args) {
    return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(FlinkPipelineOptions.class);
  }

  private static long counted(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.named(CountFn.class, "rows")).build());
    return metrics.getCounters().iterator().next().getAttempted();
  }

  private static String causes(Throwable e) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("java.lang.") || t.getClass().getName().startsWith("org.apache.beam.")) {
        chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
      }
    }
    return chain.toString();
  }

  static final class CountFn extends DoFn<Integer, Integer> {
    private final Counter rows = Metrics.counter(CountFn.class, "rows");

    @ProcessElement
    public void process(@Element Integer value, OutputReceiver<Integer> out) {
      rows.inc();
      out.output(value);
    }
  }

  static final class FailFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer value, OutputReceiver<Integer> out) {
      if (value == 7) {
        throw new IllegalStateException("row " + value + " is bad");
      }
      out.output(value);
    }
  }
}
