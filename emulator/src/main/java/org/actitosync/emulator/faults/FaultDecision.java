package org.actitosync.emulator.faults;

/**
 * What to do to one call.
 *
 * @param latencyMillis sleep before anything else
 * @param reset close the connection without a response
 * @param errorStatus answer this status without processing (0 = none)
 * @param retryAfterSeconds Retry-After for the error, or null
 * @param expireToken expire the caller's token and answer 401
 * @param afterProcessing apply {@code reset} / {@code errorStatus} after the handler ran
 */
public record FaultDecision(long latencyMillis, boolean reset, int errorStatus, Integer retryAfterSeconds,
    boolean expireToken, boolean afterProcessing) {
  public static final FaultDecision NONE = new FaultDecision(0, false, 0, null, false, false);
}
