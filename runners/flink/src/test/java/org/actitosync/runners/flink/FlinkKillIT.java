package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code actito-sync-flink.jar} while it writes: the emulator holds back every
 * record call a little, and the JVM is killed once some but not all rows reached Actito. Nothing was
 * committed, so the next (normal) run sends everything again: the destination equals the source, no
 * record was created twice, and that run has no dead letter.
 */
@Tag("shaded-jar")
class FlinkKillIT {
  static final int ROWS = 20;
  static final String UPSERT = "POST /record";

  @TempDir Path dir;

  @Test
  void aRunKilledMidWriteIsRepairedByTheNextRun() throws Exception {
    try (Activation a = new Activation(dir, "flink-kill")) {
      a.sql("INSERT INTO " + a.table + " SELECT 'k-' || g, g % 3, g * 2.5, 'NEW' FROM generate_series(1, " + ROWS + ") g");
      Path config = a.config("MIRROR");
      a.emulator.admin().faults(FaultSettings.builder(1).latencyMillis(300).routes(UPSERT).build());

      Path log = dir.resolve("killed.log");
      Process process = ShadedJar.fromBuild().start(log, FlinkJarIT.JVM, "--config=" + config, "--progressSeconds=0");
      assertTrue(process.info().command().orElse("").endsWith("java"), "not the JVM itself: " + process.info());
      long atKill = awaitWrites(a, process, log, 3);
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, process.exitValue(), "killed by SIGKILL");
      long reached = a.emulator.admin().stats().route(UPSERT);
      assertTrue(atKill > 0 && reached < ROWS, "killed mid-write: " + atKill + " writes at the kill, "
          + reached + " in the end, of " + ROWS);
      assertFalse(Files.exists(dir.resolve("snapshots/orders-flink-kill/CURRENT")), "nothing committed");

      a.emulator.admin().clearFaults();
      ShadedJar.Run again = ShadedJar.fromBuild().run(dir.resolve("again.log"), Duration.ofMinutes(5), FlinkJarIT.JVM,
          "--config=" + config, "--progressSeconds=0", "--runId=again");
      assertEquals(0, again.code(), again.output());
      assertEquals(ROWS, a.destination().size(), again.output());
      assertEquals(a.source(), a.destination());
      assertEquals(Map.of(), a.emulator.admin().stats().repeatedCreates("orders"), "a record was created twice");
      assertEquals(List.of(), deadLetters(dir.resolve("snapshots/orders-flink-kill/runs/again/rejected")));
      System.out.printf("FlinkKillIT: killed after %d of %d writes; the next run took %d ms%n", atKill, ROWS,
          again.took().toMillis());
    }
  }

  /** Polls the emulator until it has received {@code writes} record calls; the count then. */
  static long awaitWrites(Activation a, Process process, Path log, int writes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      long seen = a.emulator.admin().stats().route(UPSERT);
      if (seen >= writes) {
        return seen;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the run ended before writing: " + ShadedJar.tail(log));
      }
      Thread.sleep(20); // polling interval
    }
    throw new AssertionError("no write after 120 s: " + ShadedJar.tail(log));
  }

  static List<String> deadLetters(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.flatMap(f -> {
        try {
          return Files.readAllLines(f).stream().filter(l -> !l.isBlank());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
