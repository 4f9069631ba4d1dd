package org.actitosync.actito.retry;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;

/**
 * How long the client keeps retrying one call that failed with a RETRYABLE error (429, 408, 5xx,
 * timeouts, connection resets).
 *
 * <p>Backoff before retry {@code n} (1-based) is {@code min(maxBackoffPerAttempt, initialBackoff *
 * 2^(n-1))}, with "equal jitter" (a uniformly random value in its upper half). A server's {@code
 * Retry-After} is honoured when it is longer. The sum of all sleeps of one call never exceeds
 * {@code maxTotalBackoff}: when a {@code Retry-After} asks for more than what is left, the call
 * gives up at once (FAILED, retries exhausted) instead of sleeping past the budget.
 *
 * <p>Defaults suit a batch job: 6 attempts, 500 ms initial, 30 s per attempt, 2 min in total.
 */
@AutoValue
public abstract class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Attempts in total, the first one included (1 = never retry). */
  public abstract int maxAttempts();

  public abstract Duration initialBackoff();

  public abstract Duration maxBackoffPerAttempt();

  /** Upper bound on the sum of all sleeps of one call. */
  public abstract Duration maxTotalBackoff();

  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** A policy that never retries. */
  public static RetryPolicy noRetries() {
    return builder().setMaxAttempts(1).build();
  }

  public static Builder builder() {
    return new AutoValue_RetryPolicy.Builder()
        .setMaxAttempts(6)
        .setInitialBackoff(Duration.ofMillis(500))
        .setMaxBackoffPerAttempt(Duration.ofSeconds(30))
        .setMaxTotalBackoff(Duration.ofMinutes(2));
  }

  public abstract Builder toBuilder();

  /** Builder for {@link RetryPolicy}; starts from the defaults. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMaxAttempts(int maxAttempts);

    public abstract Builder setInitialBackoff(Duration initialBackoff);

    public abstract Builder setMaxBackoffPerAttempt(Duration maxBackoffPerAttempt);

    public abstract Builder setMaxTotalBackoff(Duration maxTotalBackoff);

    abstract RetryPolicy autoBuild();

    public RetryPolicy build() {
      RetryPolicy p = autoBuild();
      if (p.maxAttempts() < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, got " + p.maxAttempts());
      }
      if (p.initialBackoff().isNegative()
          || p.maxBackoffPerAttempt().isNegative()
          || p.maxTotalBackoff().isNegative()) {
        throw new IllegalArgumentException("backoff durations must not be negative: " + p);
      }
      return p;
    }
  }
}
