package org.actitosync.pipeline.warning;

import com.google.auto.value.AutoValue;
import java.util.EnumMap;
import java.util.Map;

/**
 * The thresholds of the {@code warnings} section: the two levels of every {@link Check} and how
 * many past runs the rows average covers.
 */
@AutoValue
public abstract class WarningSettings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_AVERAGE_RUNS = 5;

  abstract Map<Check, Threshold> thresholds();

  /** How many of the last committed runs the {@link Check#ROWS_CHANGE} average covers. */
  public abstract int averageRuns();

  public Threshold threshold(Check check) {
    return thresholds().getOrDefault(check, check.defaultThreshold());
  }

  public static WarningSettings of(Map<Check, Threshold> thresholds, int averageRuns) {
    EnumMap<Check, Threshold> copy = new EnumMap<>(Check.class);
    copy.putAll(thresholds);
    return new AutoValue_WarningSettings(java.util.Collections.unmodifiableMap(copy), averageRuns);
  }

  public static WarningSettings defaults() {
    return of(Map.of(), DEFAULT_AVERAGE_RUNS);
  }
}
