package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.write.Strategy;
import org.actitosync.write.WriterConfig;

/** {@code write}: how hard and how the writer talks to Actito. */
@AutoValue
public abstract class WriteSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_CONCURRENCY = WriterConfig.DEFAULT_CONCURRENCY;
  /** Actito refuses (429) more than 5 concurrent requests per licence. */
  public static final int MAX_CONCURRENCY = WriterConfig.DEFAULT_LICENCE_CONCURRENCY;
  public static final double DEFAULT_CALLS_PER_MINUTE = WriterConfig.DEFAULT_CALLS_PER_MINUTE;
  /** Actito throttles beyond 100 calls per minute per licence. */
  public static final double MAX_CALLS_PER_MINUTE = 100;

  public abstract int concurrency();

  public abstract double callsPerMinute();

  public abstract Strategy strategy();

  /** {@code write.bulk}. */
  public abstract BulkSettings bulk();

  public static WriteSettings create(int concurrency, double callsPerMinute, Strategy strategy) {
    return create(concurrency, callsPerMinute, strategy, BulkSettings.defaults());
  }

  public static WriteSettings create(int concurrency, double callsPerMinute, Strategy strategy,
      BulkSettings bulk) {
    return new AutoValue_WriteSettings(concurrency, callsPerMinute, strategy, bulk);
  }

  public static WriteSettings defaults() {
    return create(DEFAULT_CONCURRENCY, DEFAULT_CALLS_PER_MINUTE, Strategy.AUTO);
  }
}
