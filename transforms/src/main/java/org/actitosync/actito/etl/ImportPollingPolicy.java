package org.actitosync.actito.etl;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the client waits for an ETL execution to finish: a first poll at once, the next after {@code
 * initialInterval}, then doubling up to {@code maxInterval}, giving up after {@code maxWait} of
 * waiting in total.
 * Defaults: 1 s, 30 s, 1 h.
 */
@AutoValue
public abstract class ImportPollingPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract Duration initialInterval();

  public abstract Duration maxInterval();

  public abstract Duration maxWait();

  public static ImportPollingPolicy of(Duration initial, Duration max, Duration maxWait) {
    if (initial.isNegative() || max.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("polling durations must not be negative");
    }
    return new AutoValue_ImportPollingPolicy(initial, max, maxWait);
  }

  public static ImportPollingPolicy defaults() {
    return of(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1));
  }
}
