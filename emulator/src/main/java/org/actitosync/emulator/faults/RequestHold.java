package org.actitosync.emulator.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the first {@code parties} calls on one route where they arrive, before they are counted in
 * flight or processed, until all {@code parties} have arrived; later calls pass. A test uses it to make
 * a race certain: with {@code parties = 2} on a route each of two runs calls once, both runs are at
 * that call together, so neither can have finished before the other started. A hold never outlives
 * {@code timeout}: the held calls then go on and {@link #met()} stays false, so a test can fail on it.
 */
public final class RequestHold {
  private final String route;
  private final int parties;
  private final Duration timeout;
  private final CountDownLatch arrived;
  private final AtomicInteger held = new AtomicInteger();

  public RequestHold(String route, int parties, Duration timeout) {
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be at least 1");
    }
    this.route = route;
    this.parties = parties;
    this.timeout = timeout;
    this.arrived = new CountDownLatch(parties);
  }

  public String route() {
    return route;
  }

  /** Called as a call on {@code callRoute} arrives; blocks while it is one of the held calls. */
  public void arrive(String callRoute) {
    if (!route.equals(callRoute) || held.incrementAndGet() > parties) {
      return;
    }
    arrived.countDown();
    try {
      arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True once all {@code parties} calls have arrived together. */
  public boolean met() {
    return arrived.getCount() == 0;
  }

  /** How many calls on the route have arrived since the hold was set. */
  public int arrivals() {
    return held.get();
  }
}
