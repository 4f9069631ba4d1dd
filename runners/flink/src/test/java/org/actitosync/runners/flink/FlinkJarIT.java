package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code actito-sync-flink.jar} run as a user runs it ({@code java -jar}, a child JVM) with no runner
 * option at all: the jar's defaults put it on Flink's embedded cluster.
 */
@Tag("shaded-jar")
class FlinkJarIT {
  static final List<String> JVM = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  @TempDir Path dir;

  @Test
  void helpExitsZeroAndListsTheOptions() {
    ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("help.log"), Duration.ofSeconds(60), JVM, "--help");
    assertEquals(0, run.code(), run.output());
    assertTrue(run.output().contains("--config"), run.output());
    assertTrue(run.output().contains("--dryRun"), run.output());
    assertTrue(run.output().contains("Exit codes"), run.output());
  }

  @Test
  void aFlinkConfigurationFolderIsReadWithoutALineOnTheTerminal() throws Exception {
    // the embedded cluster reads Flink's configuration (and logs each property) only once the logs are
    // held for run.log: a bad config then prints its error and nothing else
    Path flinkConf = Files.createDirectories(dir.resolve("flink-conf"));
    Files.writeString(flinkConf.resolve("flink-conf.yaml"), "taskmanager.numberOfTaskSlots: 2\n");
    ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("conf.log"), Duration.ofSeconds(60), JVM,
        "--config=" + dir.resolve("missing.yaml"), "--flinkConfDir=" + flinkConf);
    assertEquals(2, run.code(), run.output());
    assertTrue(run.output().startsWith("actito-sync: config error:"), run.output());
    assertFalse(run.output().contains("configuration property"), run.output());
  }

  @Test
  void upsertsATableOnTheEmbeddedFlinkCluster() throws Exception {
    try (Activation a = new Activation(dir, "flink-embedded")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('o-1',1,10.5,'NEW'),('o-2',2,20,'PAID'),('o-3',1,30,'NEW'),"
          + "('o-4',2,40.25,'CANCELLED'),('o-5',3,50,'NEW'),('o-6',3,null,null)");

      Path tmp = Files.createDirectories(dir.resolve("tmp"));
      List<String> jvm = new ArrayList<>(JVM);
      jvm.add("-Djava.io.tmpdir=" + tmp);
      ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("run.log"), Duration.ofMinutes(5), jvm,
          "--config=" + a.config("UPSERT"), "--progressSeconds=0", "--runId=embedded");

      assertEquals(0, run.code(), run.output());
      String runLog = Files.readString(dir.resolve("snapshots/orders-flink-embedded/runs/embedded/run.log"));
      assertTrue(runLog.contains("org.apache.beam.runners.flink.FlinkRunner"), "not run by the Flink runner: " + runLog);
      assertEquals(6, a.destination().size(), run.output());
      assertEquals(a.source(), a.destination(), run.output());
      // one embedded cluster, started while the launcher prepared the job (WarmCluster), not after it
      int started = runLog.indexOf("Starting Flink Mini Cluster");
      assertTrue(started >= 0 && started < runLog.indexOf("Launcher: built"), "cluster started after the job was built");
      assertEquals(-1, runLog.indexOf("Starting Flink Mini Cluster", started + 1), "a second cluster started");
      // and shut down before the JVM ended: none of its temporary folders is left (a cluster of the job's
      // own, [local], left its minicluster_<id> folder, shut down after the job while the JVM exited).
      // flink-web-upload, the REST endpoint's upload folder, has a fixed name Flink shares between its
      // processes and never removes.
      try (var files = Files.list(tmp)) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString())
            .filter(name -> name.startsWith("minicluster_") || name.startsWith("blobStore-")
                || name.startsWith("flink-") && !name.equals("flink-web-upload")).toList(), "left in " + tmp);
      }
      // Flink's own RPC loader copies a 22 MB jar to the temp directory on every cluster start, and runs
      // left it there; ClasspathRpcSystemLoader loads the same classes from this jar instead
      try (var files = Files.list(tmp)) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString())
            .filter(name -> name.startsWith("flink-rpc-akka")).toList(), "Flink's RPC jar copied to " + tmp);
      }
      System.out.printf("FlinkJarIT: embedded run %d ms%n", run.took().toMillis());
    }
  }
}
