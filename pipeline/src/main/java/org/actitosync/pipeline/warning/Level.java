package org.actitosync.pipeline.warning;

/** How serious a run's warning is; a run's level is the highest of its warnings. */
public enum Level {
  NONE,
  /** Reported and sent to the channels; the run still exits as it would have. */
  WARNING,
  /** Reported, sent, and the run exits non-zero ({@code CRITICAL_WARNING}) so the scheduler marks it failed. */
  CRITICAL;

  public static Level max(Level a, Level b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
