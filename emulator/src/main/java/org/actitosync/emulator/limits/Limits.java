package org.actitosync.emulator.limits;

import com.fasterxml.jackson.databind.JsonNode;
import org.actitosync.emulator.model.DataFileException;

/**
 * Immutable limit settings (data file {@code limits} object, overridable by the builder).
 *
 * @param maxConcurrent in-flight Actito requests allowed per licence; one more is answered 429 (documented: 5)
 * @param callsPerMinute calls allowed in any sliding 60 s window (documented: 100)
 * @param rateMode what happens over {@code callsPerMinute}
 * @param retryAfterSeconds value of the {@code Retry-After} header on 429s; null = no header
 * @param bulkImportsPerTablePerDay import creations per table per UTC day; one more is answered 429 (documented: 12 or 24)
 * @param maxImportBytes maximum size of the uploaded import file; larger is answered 400 (documented: 100 MB)
 * @param importProcessingDelayMillis how long an import stays RUNNING before it is processed
 * @param throttleStepMillis LATENCY mode: added latency per call over the budget in the window
 * @param maxThrottleMillis LATENCY mode: cap of the added latency
 */
public record Limits(int maxConcurrent, int callsPerMinute, RateMode rateMode, Integer retryAfterSeconds,
    int bulkImportsPerTablePerDay, long maxImportBytes, long importProcessingDelayMillis,
    long throttleStepMillis, long maxThrottleMillis) {

  /** Actito's documented limits (24 imports per table per day, the newer figure). */
  public static final Limits DEFAULTS = new Limits(5, 100, RateMode.LATENCY, 1, 24, 100L * 1024 * 1024, 50,
      100, 10_000);

  /** Reads the data file's {@code limits} object; absent fields keep {@code base}'s values. */
  public static Limits fromJson(JsonNode n, Limits base) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return base;
    }
    return new Limits(
        n.path("maxConcurrent").asInt(base.maxConcurrent),
        n.path("callsPerMinute").asInt(base.callsPerMinute),
        n.hasNonNull("rateMode") ? rateMode(n.get("rateMode").asText()) : base.rateMode,
        n.has("retryAfterSeconds") ? (n.get("retryAfterSeconds").isNull() ? null : n.get("retryAfterSeconds").asInt())
            : base.retryAfterSeconds,
        n.path("bulkImportsPerTablePerDay").asInt(base.bulkImportsPerTablePerDay),
        n.path("maxImportBytes").asLong(base.maxImportBytes),
        n.path("importProcessingDelayMillis").asLong(base.importProcessingDelayMillis),
        n.path("throttleStepMillis").asLong(base.throttleStepMillis),
        n.path("maxThrottleMillis").asLong(base.maxThrottleMillis));
  }

  private static RateMode rateMode(String name) {
    try {
      return RateMode.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new DataFileException("limits.rateMode must be LATENCY, STRICT or OFF, not " + name);
    }
  }

  public Limits withMaxConcurrent(int v) {
    return new Limits(v, callsPerMinute, rateMode, retryAfterSeconds, bulkImportsPerTablePerDay, maxImportBytes,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withCallsPerMinute(int v) {
    return new Limits(maxConcurrent, v, rateMode, retryAfterSeconds, bulkImportsPerTablePerDay, maxImportBytes,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withRateMode(RateMode v) {
    return new Limits(maxConcurrent, callsPerMinute, v, retryAfterSeconds, bulkImportsPerTablePerDay, maxImportBytes,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withRetryAfterSeconds(Integer v) {
    return new Limits(maxConcurrent, callsPerMinute, rateMode, v, bulkImportsPerTablePerDay, maxImportBytes,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withBulkImportsPerTablePerDay(int v) {
    return new Limits(maxConcurrent, callsPerMinute, rateMode, retryAfterSeconds, v, maxImportBytes,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withMaxImportBytes(long v) {
    return new Limits(maxConcurrent, callsPerMinute, rateMode, retryAfterSeconds, bulkImportsPerTablePerDay, v,
        importProcessingDelayMillis, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withImportProcessingDelayMillis(long v) {
    return new Limits(maxConcurrent, callsPerMinute, rateMode, retryAfterSeconds, bulkImportsPerTablePerDay,
        maxImportBytes, v, throttleStepMillis, maxThrottleMillis);
  }

  public Limits withThrottle(long stepMillis, long maxMillis) {
    return new Limits(maxConcurrent, callsPerMinute, rateMode, retryAfterSeconds, bulkImportsPerTablePerDay,
        maxImportBytes, importProcessingDelayMillis, stepMillis, maxMillis);
  }
}
