package org.actitosync.emulator.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sliding one-minute window over the licence's Actito calls, on the injected clock. Tracks every call
 * received (for the {@code maxCallsInSlidingMinute} statistic) and the admitted ones (for the limit:
 * calls refused in STRICT mode do not use the budget). Thread-safe.
 */
public final class RateLimiter {
  /** Decision for one call: refuse (STRICT) or serve after {@code delayMillis} (0 when within budget). */
  public record Decision(boolean refused, long delayMillis) {
    static final Decision PASS = new Decision(false, 0);
  }

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final Clock clock;
  private final Deque<Instant> received = new ArrayDeque<>();
  private final Deque<Instant> admitted = new ArrayDeque<>();
  private int maxReceived;

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Registers one call and decides what to do with it under {@code limits}. */
  public synchronized Decision onCall(Limits limits) {
    Instant now = clock.instant();
    evict(received, now);
    evict(admitted, now);
    received.addLast(now);
    maxReceived = Math.max(maxReceived, received.size());
    if (limits.rateMode() == RateMode.OFF) {
      admitted.addLast(now);
      return Decision.PASS;
    }
    int budget = limits.callsPerMinute();
    if (admitted.size() < budget) {
      admitted.addLast(now);
      return Decision.PASS;
    }
    if (limits.rateMode() == RateMode.STRICT) {
      return new Decision(true, 0);
    }
    admitted.addLast(now);
    long excess = admitted.size() - budget;
    return new Decision(false, Math.min(excess * limits.throttleStepMillis(), limits.maxThrottleMillis()));
  }

  private static void evict(Deque<Instant> q, Instant now) {
    Instant horizon = now.minus(WINDOW);
    while (!q.isEmpty() && !q.peekFirst().isAfter(horizon)) {
      q.removeFirst();
    }
  }

  /** The most calls received in any sliding minute since the last reset. */
  public synchronized int maxCallsInSlidingMinute() {
    return maxReceived;
  }

  /** Forgets the windows and the statistic. */
  public synchronized void reset() {
    received.clear();
    admitted.clear();
    maxReceived = 0;
  }

  /** Forgets the statistic only. */
  public synchronized void resetStats() {
    maxReceived = received.size();
  }
}
