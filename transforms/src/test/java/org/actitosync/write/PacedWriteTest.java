package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.orders;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.MutableClock;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calls-per-minute budget, with a fake clock shared by the limiter and the emulator: 240 record
 * calls under a budget of 120 per minute take about two (fake) minutes, the emulator never sees more
 * than 120 calls in any sliding minute, and the waiting time reaches Beam's throttling counter.
 * No real minutes are spent. One call in flight: with a fake clock that sleeps advance, one
 * thread's sleep would move the clock under another thread's request still on its way, and the
 * emulator would record that call late (an artefact of the fake clock, not of the pacing); the
 * concurrency cap has its own tests.
 */
class PacedWriteTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  /** Clocks by test id: the DoFns find theirs through a serializable factory. */
  static final ConcurrentMap<String, MutableClock> CLOCKS = new ConcurrentHashMap<>();

  @Test
  void twoHundredFortyCallsAtOneHundredTwentyPerMinuteTakeAboutTwoMinutes() {
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    MutableClock clock = MutableClock.at(start);
    String id = "budget-" + System.nanoTime();
    CLOCKS.put(id, clock);
    Pacing factory = (callsPerMinute, before) -> {
      MutableClock c = CLOCKS.get(id);
      return new CallBudget(callsPerMinute, () -> c.millis(),
          millis -> {
            long target = c.millis() + millis;
            synchronized (c) {
              if (c.millis() < target) {
                c.set(Instant.ofEpochMilli(target));
              }
            }
          }, before);
    };
    try (ActitoEmulator emulator = WriterFixture.emulator().clock(clock).start()) {
      WriterConfig config = config(emulator, WriterFixture.KEY)
          .setCallsPerMinute(120).setConcurrency(1).setStrategy(Strategy.RECORDS)
          .setPacing(factory).build();
      write(beam.pipeline(), newKeys(SyncMode.UPSERT, orders(240, "b-")), config);
      PipelineResult result = beam.pipeline().run();
      result.waitUntilFinish();

      Duration elapsed = Duration.between(start, clock.instant());
      assertTrue(elapsed.compareTo(Duration.ofSeconds(96)) >= 0 && elapsed.compareTo(Duration.ofSeconds(156)) <= 0,
          "240 calls at 120/min took " + elapsed);
      int peak = emulator.admin().stats().maxCallsInSlidingMinute();
      assertTrue(peak <= 120, "emulator saw " + peak + " calls in one minute");
      assertTrue(peak >= 100, "the budget was used, not left idle: " + peak);
      long throttled = counter(result, Metrics.THROTTLE_TIME_NAMESPACE, Metrics.THROTTLE_TIME_COUNTER_NAME);
      assertTrue(throttled >= 90_000, "throttling-msecs " + throttled);
    }
  }

  static long counter(PipelineResult result, String namespace, String name) {
    MetricQueryResults metrics = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build());
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
