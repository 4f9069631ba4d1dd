package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.limits.RateMode;
import org.actitosync.pipeline.config.WriteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's run keeps the call limits, proven from the emulator's own counters instead of by
 * waiting minutes. The emulator's clock runs {@value #SPEED} times faster than real time and enforces
 * a per-minute limit on it ({@value #LIMIT} calls in any sliding minute, STRICT: 429 beyond; 5
 * requests in flight); the writer is paced at {@value #BUDGET} calls per minute of that clock ({@value
 * #BUDGET} x {@value #SPEED} a minute in real time), under the limit as the configured 90 is under
 * Actito's 100. {@value #ROWS} record calls span two emulated minutes (about 6 real seconds): more
 * calls than one minute allows, so a writer that did not pace would show in {@code
 * maxCallsInSlidingMinute} and in 429s whenever the machine sends faster than about 7 calls a second
 * (observed: an unpaced writer, at load average 4 to 9 on 2 cores, sent 12 a second).
 */
class PacingEndToEndTest {
  static final int SPEED = 20;
  static final int LIMIT = 20;
  static final int BUDGET = 15;
  static final int ROWS = 30;

  @TempDir Path dir;

  @Test
  void aRunStaysWithinActitosLimitsInEverySlidingMinuteOfTheEmulatorsClock() throws Exception {
    Clock fast = new SpedUpClock(Clock.systemUTC(), SPEED);
    try (Activations a = new Activations(dir, "pacing", Activations.data(), Activations.COLUMNS,
        b -> b.clock(fast).callsPerMinute(LIMIT).rateMode(RateMode.STRICT).maxConcurrent(5))) {
      a.callsPerMinute = BUDGET * SPEED;
      a.write.add("strategy: RECORDS");
      a.sql("INSERT INTO " + a.table + " SELECT 'p-' || g, 1 + g % 2, g, 'NEW' FROM generate_series(1, " + ROWS + ") g");
      Activations.Result run = a.launch("--config=" + a.config("UPSERT"));
      EmulatorStats stats = a.emulator.admin().stats();
      System.out.printf("pacing: %d calls in the busiest emulated minute, peak %d in flight, %s%n",
          stats.maxCallsInSlidingMinute(), stats.peakConcurrent(), stats.byRouteAndStatus());

      assertEquals(0, run.code(), run.out() + run.err() + stats.byRouteAndStatus());
      assertEquals(ROWS, stats.route("POST /record"), "one call per row: " + stats.byRouteAndStatus());
      assertEquals(ROWS + 1, a.amounts().size(), "every row and the seeded o-1");
      assertTrue(stats.maxCallsInSlidingMinute() <= LIMIT,
          stats.maxCallsInSlidingMinute() + " calls in one minute of the emulator's clock");
      assertEquals(0, stats.served429Rate(), "no call over the per-minute limit: " + stats.byRouteAndStatus());
      assertEquals(0, stats.served429Concurrency(), "no call over the concurrency limit");
      assertTrue(stats.peakConcurrent() <= WriteSettings.DEFAULT_CONCURRENCY,
          stats.peakConcurrent() + " requests in flight, over write.concurrency");
    }
  }

  /** {@code base}'s time, running {@code speed} times faster from the moment it is made. */
  static final class SpedUpClock extends Clock {
    private final Clock base;
    private final long speed;
    private final Instant origin;

    SpedUpClock(Clock base, long speed) {
      this.base = base;
      this.speed = speed;
      this.origin = base.instant();
    }

    @Override
    public Instant instant() {
      long elapsedNanos = java.time.Duration.between(origin, base.instant()).toNanos();
      return origin.plusNanos(elapsedNanos * speed);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
