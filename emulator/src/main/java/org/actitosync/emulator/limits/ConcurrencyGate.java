package org.actitosync.emulator.limits;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts in-flight Actito requests of the licence and records the exact peak. Every request enters
 * (and is counted) before the limit check; a request over the limit is answered 429 at once and leaves.
 */
public final class ConcurrencyGate {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  /** Enters; returns the in-flight count including this request. Always pair with {@link #leave()}. */
  public int enter() {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    return now;
  }

  public void leave() {
    inFlight.decrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** The most in-flight requests seen at once since the last reset. */
  public int peak() {
    return peak.get();
  }

  /** Resets the peak to the current in-flight count. */
  public void resetPeak() {
    peak.set(inFlight.get());
  }
}
