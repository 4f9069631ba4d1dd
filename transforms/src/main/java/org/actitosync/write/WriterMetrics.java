package org.actitosync.write;

import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.observe.ActitoCallListener;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The writer's Beam metrics, readable by the launcher for the run report (namespace {@value
 * #NAMESPACE}): {@code calls.<OPERATION>.<status>}, {@code retries}, {@code http429}, {@code
 * throttledMillis} (also added to Beam's throttling counter, so autoscalers see the job is
 * throttled), {@code outcome.<KIND>.<STATUS>} (one per change written, whatever its status) with
 * the distribution {@value #WRITTEN_AT} of when each outcome was known (epoch milliseconds), {@code
 * strategy.<STRATEGY>}. Fed by the client's call listener and by the writer; thread-safe.
 */
public final class WriterMetrics implements ActitoCallListener, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final String NAMESPACE = "actito-sync";
  /** The distribution every outcome updates with the time it was known. */
  public static final String WRITTEN_AT = "stage.write.at";

  private static final Counter THROTTLE =
      Metrics.counter(Metrics.THROTTLE_TIME_NAMESPACE, Metrics.THROTTLE_TIME_COUNTER_NAME);
  private static final Counter THROTTLED = Metrics.counter(NAMESPACE, "throttledMillis");
  private static final Counter RETRIES = Metrics.counter(NAMESPACE, "retries");
  private static final Counter HTTP_429 = Metrics.counter(NAMESPACE, "http429");
  private static final Distribution OUTCOME_AT = Metrics.distribution(NAMESPACE, WRITTEN_AT);

  @Override
  public void onCall(Operation operation, int status, long latencyMillis) {
    Metrics.counter(NAMESPACE, "calls." + operation + "." + status).inc();
    if (status == 429) {
      HTTP_429.inc();
    }
  }

  @Override
  public void onRetry(Operation operation, int status, int attempt, long sleepMillis) {
    RETRIES.inc();
    throttled(sleepMillis);
  }

  @Override
  public void onFailure(Operation operation, ErrorClass errorClass, int status) {
    Metrics.counter(NAMESPACE, "failures." + errorClass).inc();
  }

  /** Time spent waiting for the rate budget or backing off. */
  public static void throttled(long millis) {
    if (millis > 0) {
      THROTTLE.inc(millis);
      THROTTLED.inc(millis);
    }
  }

  public static void outcome(WriteOutcome outcome) {
    Metrics.counter(NAMESPACE, "outcome." + outcome.change().kind() + "." + outcome.status()).inc();
    OUTCOME_AT.update(System.currentTimeMillis());
  }

  public static void strategy(Strategy strategy) {
    Metrics.counter(NAMESPACE, "strategy." + strategy).inc();
  }
}
