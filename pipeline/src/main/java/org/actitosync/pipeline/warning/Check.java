package org.actitosync.pipeline.warning;

import java.util.Optional;

/**
 * What a run is checked for after it completes, each named by its key in the config's {@code
 * warnings} section. A check fires at a level when its value reaches that level's threshold.
 */
public enum Check {
  REJECTED_ROWS("rejectedRows", "rows rejected (bad source data, or refused by Actito)", 1.0, false),
  REJECTED_SHARE("rejectedShare", "share of the rows read that were rejected", null, true),
  FAILED_ROWS("failedRows", "changes that failed after retries (sent again by the next run)", 1.0, false),
  DUPLICATE_KEYS("duplicateKeys", "keys shared by several source rows (none of them is sent)", 1.0, false),
  DELETES("deletes", "records MIRROR deletes in this run", null, false),
  DURATION_MINUTES("durationMinutes", "run duration in minutes", null, false),
  ROWS_CHANGE(
      "rowsChange", "relative difference between the rows read and their average over the last runs", 0.5, false),
  FAILING_KEY_RUNS("failingKeyRuns", "consecutive runs in which a key failed (the longest streak)", 3.0, false);

  private final String key;
  private final String description;
  private final Double defaultWarning;
  private final boolean share;

  Check(String key, String description, Double defaultWarning, boolean share) {
    this.key = key;
    this.description = description;
    this.defaultWarning = defaultWarning;
    this.share = share;
  }

  /** The key in the {@code warnings} section. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** Whether the value is a share between 0 and 1. */
  public boolean isShare() {
    return share;
  }

  /** The default threshold of each level: a warning for most checks, never critical by default. */
  public Threshold defaultThreshold() {
    return Threshold.of(defaultWarning, null);
  }

  public static Optional<Check> forKey(String key) {
    for (Check check : values()) {
      if (check.key.equals(key)) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }
}
