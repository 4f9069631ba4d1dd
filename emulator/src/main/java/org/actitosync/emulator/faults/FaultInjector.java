package org.actitosync.emulator.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws faults from a seeded pseudo-random sequence. Each call the settings select consumes exactly
 * four draws, in arrival order, whatever the outcome; so the same seed and the same sequence of
 * requests give the same faults. Calls answered 429 by the limits draw nothing. Thread-safe.
 *
 * <p>Triggers ({@link #onCall}) run at this stage too, under the same lock as the decision: the
 * {@code n}-th call on a route runs its trigger first and is itself decided with what the trigger set,
 * whatever the concurrency, so a test switches fault phases at an exact request instead of polling.
 */
public final class FaultInjector {
  private FaultSettings settings = FaultSettings.NONE;
  private Random random = new Random(0);
  private final Map<String, Long> calls = new HashMap<>();
  private final List<Trigger> triggers = new ArrayList<>();

  private record Trigger(String route, long call, Runnable action) {
  }

  /** Replaces the settings and restarts the sequence from their seed. */
  public synchronized void configure(FaultSettings newSettings) {
    this.settings = newSettings;
    this.random = new Random(newSettings.seed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /**
   * Runs {@code action} when the {@code n}-th call on {@code route} (counted from now, at the fault
   * stage: calls refused by the limits are not counted) arrives, before that call's faults are decided.
   * The action runs under this injector's lock: it may reconfigure faults or expire tokens, never block.
   */
  public synchronized void onCall(String route, long n, Runnable action) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    triggers.add(new Trigger(route, calls.getOrDefault(route, 0L) + n, action));
  }

  /** Forgets every trigger not yet run. */
  public synchronized void clearTriggers() {
    triggers.clear();
  }

  /** Decides the faults of one call on {@code route}. */
  public synchronized FaultDecision decide(String route) {
    long call = calls.merge(route, 1L, Long::sum);
    for (Trigger t : List.copyOf(triggers)) {
      if (t.route().equals(route) && t.call() == call) {
        triggers.remove(t);
        t.action().run();
      }
    }
    if (!settings.active() || !settings.appliesTo(route)) {
      return FaultDecision.NONE;
    }
    double reset = random.nextDouble();
    double error = random.nextDouble();
    int pick = random.nextInt(settings.errorStatuses().size());
    double expiry = random.nextDouble();
    boolean doReset = reset < settings.resetRate();
    int status = !doReset && error < settings.errorRate() ? settings.errorStatuses().get(pick) : 0;
    boolean doExpire = !doReset && status == 0 && expiry < settings.tokenExpiryRate();
    return new FaultDecision(settings.latencyMillis(), doReset, status, settings.errorRetryAfterSeconds(), doExpire,
        settings.afterProcessing());
  }
}
