package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quiet terminal of {@code actito-sync-flink.jar} on the embedded cluster (issue 17), over three
 * real runs of one MIRROR activation (PostgreSQL → emulator): a first sync whose terminal shows none
 * of the runner's logs, which are in its {@code run.log}; a guard refusal that prints its one line
 * and no stack trace (exit 4); the confirmed rerun with {@code --verbose}, which brings the runner's
 * logs back to the terminal.
 */
@Tag("shaded-jar")
class FlinkQuietIT {
  static final int ROWS = 10;
  @TempDir Path dir;

  @Test
  void theTerminalShowsOurLinesOnlyAndTheRunnersLogsAreInRunLog() throws Exception {
    ShadedJar jar = ShadedJar.fromBuild();
    try (Activation a = new Activation(dir, "flink-quiet")) {
      a.sql("INSERT INTO " + a.table + " SELECT 'q-' || g, g % 3, g * 2.5, 'NEW' FROM generate_series(1, " + ROWS + ") g");
      String config = "--config=" + a.config("MIRROR");
      Path runs = dir.resolve("snapshots/orders-flink-quiet/runs");

      ShadedJar.Run first = jar.run(dir.resolve("first.out"), Duration.ofMinutes(5), FlinkJarIT.JVM,
          config, "--progressSeconds=0", "--runId=first");
      assertEquals(0, first.code(), first.output());
      assertEquals(a.source(), a.destination(), first.output());
      assertNoRunnerLogs(first.output());
      assertTrue(first.output().contains("report: "), first.output());
      assertRunnerLogIn(runs.resolve("first/run.log"));

      a.sql("DELETE FROM " + a.table + " WHERE order_id IN ('q-1', 'q-2', 'q-3')");
      ShadedJar.Run refused = jar.run(dir.resolve("refused.out"), Duration.ofMinutes(5), FlinkJarIT.JVM,
          config, "--progressSeconds=0", "--runId=refused");
      assertEquals(4, refused.code(), refused.output());
      List<String> guardLines = refused.output().lines().filter(l -> l.startsWith("actito-sync: guard refusal: ")).toList();
      assertEquals(1, guardLines.size(), refused.output());
      assertTrue(guardLines.get(0).contains("--confirmDeletes=3"), guardLines.get(0));
      assertNoStackTrace(refused.output());
      assertNoRunnerLogs(refused.output());
      String refusedLog = assertRunnerLogIn(runs.resolve("refused/run.log"));
      assertTrue(refusedLog.contains("GuardRefusedException"), "the failure's stack trace is in run.log");
      assertEquals(ROWS, a.destination().size(), "nothing deleted");

      ShadedJar.Run verbose = jar.run(dir.resolve("verbose.out"), Duration.ofMinutes(5), FlinkJarIT.JVM,
          config, "--progressSeconds=0", "--runId=verbose", "--confirmDeletes=3", "--verbose");
      assertEquals(0, verbose.code(), verbose.output());
      assertEquals(a.source(), a.destination(), verbose.output());
      assertTrue(verbose.output().contains("org.apache.flink"), "--verbose shows the runner's logs:\n" + verbose.output());
      assertTrue(verbose.output().contains("org.apache.beam.runners.flink.FlinkRunner"), verbose.output());
      assertRunnerLogIn(runs.resolve("verbose/run.log"));
      System.out.printf("FlinkQuietIT: the first run printed %d lines:%n%s%nthe refused run printed:%n%s%n",
          first.output().lines().count(), first.output(), refused.output());
    }
  }

  static void assertNoRunnerLogs(String output) {
    List<String> runner = output.lines()
        .filter(l -> l.contains("org.apache.flink") || l.contains("org.apache.beam") || l.contains(" INFO ")
            || l.startsWith("[") /* slf4j-simple's "[thread] INFO" */)
        .toList();
    assertEquals(List.of(), runner, "runner log lines on the terminal:\n" + output);
  }

  static void assertNoStackTrace(String output) {
    List<String> trace = output.lines()
        .filter(l -> l.matches("^\\s+at .*") || l.startsWith("Caused by:") || l.matches(".*\\b\\w+(Exception|Error)\\b.*"))
        .toList();
    assertEquals(List.of(), trace, "stack trace on the terminal:\n" + output);
  }

  /** The run's run.log exists and holds the runner's logs; its text. */
  static String assertRunnerLogIn(Path runLog) throws Exception {
    assertTrue(Files.isRegularFile(runLog), "no " + runLog);
    String text = Files.readString(runLog);
    assertTrue(text.contains("org.apache.flink"), "no Flink log in " + runLog + ":\n" + text);
    assertTrue(text.contains("org.apache.beam.runners.flink.FlinkRunner"), "no Beam log in " + runLog);
    return text;
  }
}
