package org.actitosync.actito.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The retry bookkeeping of one logical call: attempts made, milliseconds slept, and the decision
 * whether (and how long) to wait before the next attempt. Not thread-safe: one per call.
 */
public final class RetryBudget {
  /** Returned by {@link #nextDelayMillis} when the call must give up. */
  public static final long GIVE_UP = -1;

  private final RetryPolicy policy;
  private final DoubleSupplier random;
  private int attempts;
  private long sleptMillis;

  /**
   * @param random uniform values in [0, 1) used for jitter (inject a constant in tests)
   */
  public RetryBudget(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /** Records the start of an attempt and returns its number (1-based). */
  public int startAttempt() {
    return ++attempts;
  }

  public int attempts() {
    return attempts;
  }

  public long sleptMillis() {
    return sleptMillis;
  }

  /**
   * The wait before the next attempt after a retryable failure, or {@link #GIVE_UP} when
   * attempts or total budget are exhausted, or when {@code retryAfter} exceeds what is left of the
   * total budget. The returned wait is added to {@link #sleptMillis()}.
   */
  public long nextDelayMillis(Optional<Duration> retryAfter) {
    if (attempts >= policy.maxAttempts()) {
      return GIVE_UP;
    }
    long remaining = policy.maxTotalBackoff().toMillis() - sleptMillis;
    long backoff = Math.min(jitteredBackoffMillis(attempts), Math.max(remaining, 0));
    long delay;
    if (retryAfter.isPresent()) {
      long ra = retryAfter.get().toMillis();
      if (ra > remaining) {
        return GIVE_UP;
      }
      delay = Math.max(ra, backoff);
    } else {
      if (remaining <= 0) {
        return GIVE_UP;
      }
      delay = backoff;
    }
    sleptMillis += delay;
    return delay;
  }

  /** Backoff before retry {@code retry} (1-based), capped per attempt, with equal jitter. */
  public long jitteredBackoffMillis(int retry) {
    long cap = policy.maxBackoffPerAttempt().toMillis();
    long base = policy.initialBackoff().toMillis();
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long exp = (long) Math.min((double) cap, base * Math.pow(2, shift));
    long half = exp / 2;
    return half + (long) ((exp - half) * clamp(random.getAsDouble()));
  }

  private static double clamp(double d) {
    return d < 0 ? 0 : Math.min(d, 1);
  }
}
