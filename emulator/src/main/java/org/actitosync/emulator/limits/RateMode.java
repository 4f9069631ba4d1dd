package org.actitosync.emulator.limits;

/** What happens to calls over the per-minute budget. */
public enum RateMode {
  /** Documented Actito behaviour: the call is served, after a latency that grows with each excess call. */
  LATENCY,
  /** Robustness-test mode: 429 with Retry-After. */
  STRICT,
  /** No per-minute limit. */
  OFF
}
