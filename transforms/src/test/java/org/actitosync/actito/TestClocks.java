package org.actitosync.actito;

import com.google.api.client.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A settable clock and a sleeper that records sleeps and advances the clock instead of waiting. */
final class TestClocks {
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class RecordingSleeper implements Sleeper {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final MutableClock clock;
    private final long realSleepCapMillis;

    RecordingSleeper(MutableClock clock) {
      this(clock, 0);
    }

    /** Also really sleeps up to {@code realSleepCapMillis} per call (for import polling). */
    RecordingSleeper(MutableClock clock, long realSleepCapMillis) {
      this.clock = clock;
      this.realSleepCapMillis = realSleepCapMillis;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      sleeps.add(millis);
      if (realSleepCapMillis > 0) {
        Thread.sleep(Math.min(millis, realSleepCapMillis));
      }
      if (clock != null) {
        clock.advance(Duration.ofMillis(millis));
      }
    }

    long total() {
      return sleeps.stream().mapToLong(Long::longValue).sum();
    }
  }

  private TestClocks() {}
}
