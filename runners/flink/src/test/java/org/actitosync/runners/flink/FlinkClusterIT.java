package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actito's limits kept on a real distributed runner: a Flink 1.19 session cluster on loopback with
 * two TaskManagers ({@link FlinkSessionCluster}: three JVMs, 2 × 2 slots), and the shaded jar
 * submitted to it with {@code --flinkMaster=localhost:<rest port>} at parallelism 4 (no {@code
 * --filesToStage}: the jar stages itself, {@link FlinkDefaults}). The emulator serves Actito's
 * documented limits ({@link Limits#DEFAULTS}: 5 in flight, 100 calls a minute with LATENCY
 * throttling); the run writes {@value #ROWS} new rows record by record with {@code write.concurrency}
 * {@value #CONCURRENCY} and {@code write.callsPerMinute} {@value #CALLS_PER_MINUTE}. The emulator's own
 * counters must show the writer within both, across both TaskManagers, and Actito must end up equal to
 * the source. It takes at least {@value #ROWS} / {@value #CALLS_PER_MINUTE} minutes by nature.
 */
@Tag("shaded-jar")
class FlinkClusterIT {
  static final int TASK_MANAGERS = 2;
  static final int PARALLELISM = 4;
  static final int ROWS = 300;
  static final int CONCURRENCY = 4;
  static final int CALLS_PER_MINUTE = 90;
  static final String UPSERT = "POST /record";

  @TempDir Path dir;

  @Test
  void keepsActitosLimitsAcrossTwoTaskManagers() throws Exception {
    long started = System.nanoTime();
    try (FlinkSessionCluster cluster = FlinkSessionCluster.start(dir, TASK_MANAGERS);
        Activation a = new Activation(dir, "flink-cluster", Limits.DEFAULTS)) {
      Duration clusterUp = Duration.ofNanos(System.nanoTime() - started);
      a.sql("INSERT INTO " + a.table + " SELECT 'o-' || lpad(i::text, 4, '0'), i % 17, i * 1.25,"
          + " (ARRAY['NEW','PAID','CANCELLED'])[1 + i % 3] FROM generate_series(1, " + ROWS + ") AS i");
      AtomicLong firstUpsert = new AtomicLong();
      AtomicLong lastUpsert = new AtomicLong();
      a.emulator.admin().onRequest(UPSERT, 1, () -> firstUpsert.set(System.nanoTime()));
      a.emulator.admin().onRequest(UPSERT, ROWS, () -> lastUpsert.set(System.nanoTime()));

      ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("client.log"), Duration.ofMinutes(15),
          List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "--config=" + a.config("MIRROR"),
          "--flinkMaster=localhost:" + cluster.restPort, "--parallelism=" + PARALLELISM, "--progressSeconds=0",
          "--write.strategy=RECORDS", "--write.concurrency=" + CONCURRENCY,
          "--write.callsPerMinute=" + CALLS_PER_MINUTE);

      EmulatorStats stats = a.emulator.admin().stats();
      JsonNode job = finishedJob(cluster);
      String jid = job == null ? null : job.path("jid").asText();
      int jobParallelism = jid == null ? 0 : cluster.maxParallelism(jid);
      Set<String> taskManagers = jid == null ? Set.of() : cluster.taskManagersOf(jid);
      report(clusterUp, run, stats, firstUpsert.get(), lastUpsert.get(), jobParallelism, taskManagers);

      String logs = run.output() + "\n" + cluster.logs() + "\nemulator stats: " + stats;
      assertEquals(0, run.code(), logs);
      assertAll(
          () -> assertTrue(job != null, "the cluster finished no job: " + cluster.jobs() + "\n" + logs),
          () -> assertTrue(jobParallelism >= PARALLELISM, "job parallelism " + jobParallelism),
          () -> assertEquals(TASK_MANAGERS, taskManagers.size(), "TaskManagers that ran the job: " + taskManagers),
          () -> assertEquals(ROWS, a.destination().size(), "rows in Actito"),
          () -> assertEquals(a.source(), a.destination(), "Actito equals the source"),
          () -> assertTrue(stats.peakConcurrent() <= CONCURRENCY,
              "peak in flight " + stats.peakConcurrent() + " > write.concurrency " + CONCURRENCY),
          () -> assertTrue(stats.maxCallsInSlidingMinute() <= CALLS_PER_MINUTE, "most calls in a sliding minute "
              + stats.maxCallsInSlidingMinute() + " > write.callsPerMinute " + CALLS_PER_MINUTE),
          () -> assertEquals(0, stats.served429Concurrency(), "429s for concurrency"),
          () -> assertEquals(0, stats.served429Rate(), "429s for the rate"),
          () -> assertEquals(0, stats.throttledCalls(), "calls Actito throttled (over its 100 a minute)"),
          () -> assertTrue(firstUpsert.get() != 0 && lastUpsert.get() != 0
                  && (ROWS - 1) * 60e9 / (lastUpsert.get() - firstUpsert.get()) >= 0.8 * CALLS_PER_MINUTE,
              "the budget was left idle: see the write phase above"),
          () -> assertTrue(stats.tokensMinted() <= 2,
              stats.tokensMinted() + " tokens minted: one for the preflight, one for the one record writer"));
    }
  }

  /** The finished job of the run (the cluster runs only this one), or null. */
  static JsonNode finishedJob(FlinkSessionCluster cluster) throws Exception {
    for (JsonNode job : cluster.jobs()) {
      if ("FINISHED".equals(job.path("state").asText())) {
        return job;
      }
    }
    return null;
  }

  /** Prints the figures the notes and benchmarks quote, before any assertion can fail. */
  static void report(Duration clusterUp, ShadedJar.Run run, EmulatorStats stats, long firstUpsert, long lastUpsert,
      int jobParallelism, Set<String> taskManagers) {
    double runMinutes = run.took().toMillis() / 60_000.0;
    String writePhase = "n/a";
    if (firstUpsert != 0 && lastUpsert != 0) {
      double minutes = (lastUpsert - firstUpsert) / 60e9;
      writePhase = String.format("%.1f s from the 1st to the %dth upsert = %.1f upserts/min",
          minutes * 60, ROWS, (ROWS - 1) / minutes);
    }
    System.out.printf("FlinkClusterIT: %d TaskManagers up in %d ms; job parallelism %d on %d TaskManagers;"
            + " exit %d; run wall time %.1f s; calls %d (%s), tokens minted %d; achieved %.1f calls/min over the"
            + " run; write phase: %s; peak in flight %d (limit %d); max calls in a sliding minute %d (limit %d);"
            + " 429 concurrency %d, 429 rate %d, throttled %d%n",
        TASK_MANAGERS, clusterUp.toMillis(), jobParallelism, taskManagers.size(), run.code(),
        runMinutes * 60, stats.totalCalls(), stats.byRoute(), stats.tokensMinted(), stats.totalCalls() / runMinutes,
        writePhase, stats.peakConcurrent(), CONCURRENCY, stats.maxCallsInSlidingMinute(), CALLS_PER_MINUTE,
        stats.served429Concurrency(), stats.served429Rate(), stats.throttledCalls());
  }
}
