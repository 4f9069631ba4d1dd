package org.actitosync.pipeline.warning;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The two thresholds of a check; either may be off (null). A value at or above one fires it. */
@AutoValue
public abstract class Threshold implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract @Nullable Double warning();

  public abstract @Nullable Double critical();

  public static Threshold of(@Nullable Double warning, @Nullable Double critical) {
    return new AutoValue_Threshold(warning, critical);
  }

  public static Threshold off() {
    return of(null, null);
  }

  /** The level {@code value} reaches. */
  public Level level(double value) {
    if (critical() != null && value >= critical()) {
      return Level.CRITICAL;
    }
    if (warning() != null && value >= warning()) {
      return Level.WARNING;
    }
    return Level.NONE;
  }

  /** The threshold of {@code level}. */
  public @Nullable Double at(Level level) {
    return level == Level.CRITICAL ? critical() : level == Level.WARNING ? warning() : null;
  }
}
