package org.actitosync.emulator.faults;

import java.util.Random;

/**
 * Draws faults from a seeded pseudo-random sequence. Each call the settings select consumes exactly
 * four draws, in arrival order, whatever the outcome; so the same seed and the same sequence of
 * requests give the same faults. Calls answered 429 by the limits draw nothing. Thread-safe.
 */
public final class FaultInjector {
  private FaultSettings settings = FaultSettings.NONE;
  private Random random = new Random(0);

  /** Replaces the settings and restarts the sequence from their seed. */
  public synchronized void configure(FaultSettings newSettings) {
    this.settings = newSettings;
    this.random = new Random(newSettings.seed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** Decides the faults of one call on {@code route}. */
  public synchronized FaultDecision decide(String route) {
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
