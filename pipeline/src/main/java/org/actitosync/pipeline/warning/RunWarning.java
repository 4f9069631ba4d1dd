package org.actitosync.pipeline.warning;

import com.google.auto.value.AutoValue;

/** One warning of a run: the check, the level it reached, the value and the threshold it crossed. */
@AutoValue
public abstract class RunWarning {
  public abstract Check check();

  public abstract Level level();

  public abstract double value();

  public abstract double threshold();

  /** A sentence naming the numbers, e.g. "12 rows rejected (warning at 1)". */
  public abstract String message();

  public static RunWarning of(Check check, Level level, double value, double threshold, String message) {
    return new AutoValue_RunWarning(check, level, value, threshold, message);
  }

  /** "CRITICAL rejectedRows: 12 rows rejected (critical at 10)". */
  public String line() {
    return level() + " " + check().key() + ": " + message();
  }
}
