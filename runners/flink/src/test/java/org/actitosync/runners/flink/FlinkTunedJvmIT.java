package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code java -jar actito-sync-flink.jar} with no JVM option, as most users run it: the jar runs
 * the job in a JVM tuned for it ({@code org.actitosync.runners.flink.jvm}). The first run of a
 * config gets the large runs' JIT and leaves the jar's class archive and the run's size in the cache
 * folder; the next one gets C1 and the archive. Both sync the table and print no JVM line beyond
 * the archive's one. A {@code kill -9} of the JVM the user started takes the tuned one along.
 */
@Tag("shaded-jar")
class FlinkTunedJvmIT {
  static final int ROWS = 20;
  @TempDir Path dir;

  @Test
  void aSecondRunGetsTheSmallRunsJvmAndTheClassArchive() throws Exception {
    ShadedJar jar = ShadedJar.fromBuild();
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of("ACTITO_SYNC_CACHE", cache.toString());
    try (Activation a = new Activation(dir, "flink-tuned")) {
      a.sql("INSERT INTO " + a.table + " SELECT 't-' || g, g % 3, g * 2.5, 'NEW' FROM generate_series(1, " + ROWS + ") g");
      String config = "--config=" + a.config("MIRROR");
      Path runs = dir.resolve("snapshots/orders-flink-tuned/runs");

      ShadedJar.Run first = jar.run(dir.resolve("first.out"), Duration.ofMinutes(5), env, List.of(), config,
          "--progressSeconds=0", "--runId=first");
      assertEquals(0, first.code(), first.output());
      assertEquals(a.source(), a.destination(), first.output());
      assertTrue(Files.readString(runs.resolve("first/run.log")).contains("JVM: C2 with less inlining, later, and the default collector (no earlier"
          + " run of this config), listing its classes for the class archive"), "first run.log");
      assertEquals(1, count(first.output(), "actito-sync: building the class archive"), first.output());
      assertEquals(List.of(), jvmLines(first.output()), first.output());
      assertEquals(1, files(cache.resolve("cds"), ".jsa"), "the class archive");
      assertEquals(0, files(cache.resolve("cds"), ".classlist"), "the class list is removed once archived");
      assertEquals(List.of(Integer.toString(ROWS)), sizes(cache), "the run's size");

      a.sql("UPDATE " + a.table + " SET status = 'PAID' WHERE order_id = 't-1'");
      ShadedJar.Run second = jar.run(dir.resolve("second.out"), Duration.ofMinutes(5), env, List.of(), config,
          "--progressSeconds=0", "--runId=second");
      assertEquals(0, second.code(), second.output());
      assertEquals(a.source(), a.destination(), second.output());
      assertTrue(Files.readString(runs.resolve("second/run.log")).contains("JVM: C1 and the serial collector (the last"
          + " run read " + ROWS + " rows), the class archive"), "second run.log");
      assertEquals(0, count(second.output(), "class archive"), second.output());
      assertEquals(List.of(), jvmLines(second.output()), second.output());

      ShadedJar.Run asStarted = jar.run(dir.resolve("as-started.out"), Duration.ofMinutes(5),
          Map.of("ACTITO_SYNC_CACHE", cache.toString(), "ACTITO_SYNC_JVM", "as-started"), List.of(), config,
          "--progressSeconds=0", "--runId=as-started");
      assertEquals(0, asStarted.code(), asStarted.output());
      assertFalse(Files.readString(runs.resolve("as-started/run.log")).contains("JVM: "), "not tuned");
    }
  }

  @Test
  void aKilledJvmTakesItsTunedJvmAlong() throws Exception {
    Map<String, String> env = Map.of("ACTITO_SYNC_CACHE", dir.resolve("cache").toString());
    try (Activation a = new Activation(dir, "flink-tuned-kill")) {
      a.sql("INSERT INTO " + a.table + " SELECT 'k-' || g, g % 3, g * 2.5, 'NEW' FROM generate_series(1, "
          + FlinkKillIT.ROWS + ") g");
      Path config = a.config("MIRROR");
      a.emulator.admin().faults(FaultSettings.builder(1).latencyMillis(300).routes(FlinkKillIT.UPSERT).build());

      Path log = dir.resolve("killed.log");
      Process process = ShadedJar.fromBuild().start(log, env, List.of(), "--config=" + config, "--progressSeconds=0");
      FlinkKillIT.awaitWrites(a, process, log, 3);
      List<ProcessHandle> tuned = process.descendants().toList();
      assertEquals(1, tuned.size(), "one tuned JVM: " + tuned);
      process.destroyForcibly(); // SIGKILL of the JVM the user started
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      assertTrue(tuned.get(0).onExit().get(30, TimeUnit.SECONDS) != null && !tuned.get(0).isAlive());
      long reached = a.emulator.admin().stats().route(FlinkKillIT.UPSERT);
      assertTrue(reached < FlinkKillIT.ROWS, "the tuned JVM stopped writing: " + reached + " of " + FlinkKillIT.ROWS);
      assertFalse(Files.exists(dir.resolve("snapshots/orders-flink-tuned-kill/CURRENT")), "nothing committed");
    }
  }

  /** Lines of the JVM itself (class data sharing warnings, VM warnings) on the terminal. */
  static List<String> jvmLines(String output) {
    return output.lines().filter(l -> l.contains("[cds]") || l.contains("[warning]") || l.startsWith("OpenJDK")
        || l.contains("Preload Warning") || l.contains("SharedArchiveFile")).toList();
  }

  static long count(String output, String text) {
    return output.lines().filter(l -> l.contains(text)).count();
  }

  static long files(Path folder, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  static List<String> sizes(Path cache) throws Exception {
    try (Stream<Path> files = Files.list(cache.resolve("sizes"))) {
      return files.map(f -> {
        try {
          return Files.readString(f).trim();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
