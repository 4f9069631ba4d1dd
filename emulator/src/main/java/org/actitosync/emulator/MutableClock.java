package org.actitosync.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A thread-safe clock that only moves when told to: for token TTL, rate windows and daily quotas in tests. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@code start}, UTC. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new MutableClock(now, z);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
