package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.actitosync.emulator.admin.EmulatorAdmin;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run through a fault storm on the record route: 20 % injected 500/502/503 throughout, a window
 * where every call answers 429 with {@code Retry-After: 1}, and every access token expired at once
 * in the middle. The destination converges (at most one more run, without faults), no record is
 * created twice, and the report's call counts are exactly what the emulator served.
 */
class FaultStormEndToEndTest {
  static final long SEED = Long.getLong("storm.seed", 20261128L);
  static final int ROWS = 16;
  static final String UPSERT = "POST /record";

  @TempDir Path dir;

  @Test
  void aRunThroughErrorsA429StormAndTokenExpiryConvergesAndReportsWhatActitoServed() throws Exception {
    String seed = "seed " + SEED + " (-Dstorm.seed=" + SEED + ")";
    try (Activations a = new Activations(dir, "storm")) {
      a.sql("INSERT INTO " + a.table + " SELECT 's-' || g, 1 + g % 2, g * 1.25, 'NEW' FROM generate_series(1, "
          + ROWS + ") g");
      Path config = a.config("MIRROR");
      EmulatorAdmin admin = a.emulator.admin();
      admin.faults(errors(SEED));

      Storm storm = Storm.schedule(admin); // phases switch inside the emulator at exact calls
      Activations.Result run = a.launch("--config=" + config);
      EmulatorStats stats = admin.stats();
      admin.clearFaults();

      // the storm really happened, during the run
      assertEquals(2, storm.phase.get(), "storm phases reached; " + seed + "; " + stats.byRouteAndStatus());
      assertTrue(errors5xx(stats) > 0, "no 5xx injected; " + seed);
      assertTrue(stats.routeStatus(UPSERT, 429) >= Storm.STORM_429S, seed);
      assertTrue(stats.routeStatus(UPSERT, 401) > 0, "no call met the expired token; " + seed);

      assertTrue(run.code() == 0 || run.code() == ExitCode.REJECTED_ROWS.code(), seed + run.out() + run.err());
      JsonNode report = ActivationEndToEndTest.report(a, run);
      System.out.printf("storm %s: emulator %s; report api %s, outcomes %s%n", seed, stats.byRouteAndStatus(),
          report.path("api"), report.path("outcomeTotals"));
      assertReportMatches(report, stats, seed);

      if (run.code() != 0) { // what failed after its retries is sent again by the next run
        Activations.Result again = a.launch("--config=" + config);
        assertEquals(0, again.code(), seed + again.out() + again.err());
      }
      assertEquals(source(), withoutSeeded(a.amounts()), seed);
      assertEquals(Map.of(), admin.stats().repeatedCreates("orders"), seed);
    }
  }

  /**
   * The report's calls are the pipeline's: per operation and status they equal the emulator's per
   * route and status; the emulator also served the launcher's preflight (one token, the structure)
   * before the pipeline started. Retries: every 5xx or 429 was retried except the last answer of a
   * change that FAILED after its retries; a 401 is answered by a re-mint and a replay, not a retry.
   */
  static void assertReportMatches(JsonNode report, EmulatorStats stats, String seed) {
    JsonNode calls = report.path("api").path("calls");
    Map<String, Long> reported = new TreeMap<>();
    calls.fields().forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> served = new TreeMap<>();
    stats.byRouteAndStatus().forEach((routeStatus, n) -> {
      if (routeStatus.startsWith(UPSERT + " ")) {
        served.put("RECORD_UPSERT." + routeStatus.substring(UPSERT.length() + 1), n);
      } else if (routeStatus.startsWith("GET /auth/token ")) {
        served.put("TOKEN." + routeStatus.substring("GET /auth/token ".length()), n - 1); // preflight's token
      }
    });
    served.values().removeIf(n -> n == 0);
    assertEquals(served, reported, seed + "; emulator " + stats.byRouteAndStatus());

    long retryable = 0;
    for (Map.Entry<String, Long> e : reported.entrySet()) {
      int status = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('.') + 1));
      if (status == 429 || status >= 500) {
        retryable += e.getValue();
      }
    }
    long failed = report.path("outcomeTotals").path("FAILED").asLong();
    assertEquals(stats.routeStatus(UPSERT, 429), report.path("api").path("http429").asLong(), seed);
    assertEquals(retryable - failed, report.path("api").path("retries").asLong(), seed);
    assertEquals(ROWS, report.path("outcomeTotals").path("APPLIED").asLong() + failed, seed);
    assertEquals(ROWS, report.path("classified").path("INSERT").asLong(), seed);
  }

  static FaultSettings errors(long seed) {
    return FaultSettings.builder(seed).errorRate(0.2, 500, 502, 503).routes(UPSERT).build();
  }

  /**
   * The storm's phases, switched by the emulator itself as the calls on the record route arrive (its
   * fault triggers run under the fault lock, so no call races a switch): after {@code CALLS_BEFORE_STORM}
   * upserts, the next {@code STORM_429S} are all answered 429 with {@code Retry-After: 1}; the call after
   * them expires every token and brings back 20 % errors with another seed.
   */
  static final class Storm {
    static final int CALLS_BEFORE_STORM = 5;
    static final int STORM_429S = 6;
    final AtomicInteger phase = new AtomicInteger();

    static Storm schedule(EmulatorAdmin admin) {
      Storm storm = new Storm();
      admin.onRequest(UPSERT, CALLS_BEFORE_STORM + 1, () -> {
        admin.faults(FaultSettings.builder(SEED).errorRate(1.0, 429).errorRetryAfterSeconds(1).routes(UPSERT).build());
        storm.phase.compareAndSet(0, 1);
      });
      admin.onRequest(UPSERT, CALLS_BEFORE_STORM + STORM_429S + 1, () -> {
        admin.faults(errors(SEED + 1));
        admin.expireTokens();
        storm.phase.compareAndSet(1, 2);
      });
      return storm;
    }
  }

  static long errors5xx(EmulatorStats stats) {
    return stats.routeStatus(UPSERT, 500) + stats.routeStatus(UPSERT, 502) + stats.routeStatus(UPSERT, 503);
  }

  /** The source as {@link Activations#amounts()} renders the emulator's table. */
  static Map<String, String> source() {
    Map<String, String> rows = new TreeMap<>();
    for (int g = 1; g <= ROWS; g++) {
      rows.put("s-" + g, new java.math.BigDecimal(g).multiply(new java.math.BigDecimal("1.25"))
          .stripTrailingZeros().toPlainString());
    }
    return rows;
  }

  static Map<String, String> withoutSeeded(Map<String, String> amounts) {
    Map<String, String> out = new TreeMap<>(amounts);
    out.remove("o-1"); // created by someone else before the first run; MIRROR leaves it
    return out;
  }
}
