package org.actitosync.pipeline.warning;

import com.google.auto.value.AutoValue;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/** The numbers of a completed run that the warning checks look at. */
@AutoValue
public abstract class RunFacts {
  public abstract long rowsRead();

  /** Keys rejected by classification (bad data) plus changes Actito refused. */
  public abstract long rejected();

  public abstract long failed();

  public abstract long duplicateKeys();

  public abstract long deletes();

  public abstract long durationMillis();

  /** Average rows read by the last committed runs, empty when none recorded it. */
  public abstract OptionalDouble averageRows();

  /** How many of the last runs {@link #averageRows()} covers. */
  public abstract int averageRuns();

  /** Keys per consecutive-failure count (from the committed snapshot; empty for a dry run). */
  public abstract SortedMap<Integer, Long> failStreaks();

  public static Builder builder() {
    return new AutoValue_RunFacts.Builder()
        .setRowsRead(0)
        .setRejected(0)
        .setFailed(0)
        .setDuplicateKeys(0)
        .setDeletes(0)
        .setDurationMillis(0)
        .setAverageRows(OptionalDouble.empty())
        .setAverageRuns(0)
        .setFailStreaks(new TreeMap<>());
  }

  /** Keys that failed in at least {@code runs} consecutive runs. */
  public long keysFailingAtLeast(double runs) {
    long keys = 0;
    for (Map.Entry<Integer, Long> e : failStreaks().entrySet()) {
      if (e.getKey() >= runs) {
        keys += e.getValue();
      }
    }
    return keys;
  }

  public int longestFailStreak() {
    return failStreaks().isEmpty() ? 0 : failStreaks().lastKey();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setRowsRead(long rows);

    public abstract Builder setRejected(long rows);

    public abstract Builder setFailed(long rows);

    public abstract Builder setDuplicateKeys(long keys);

    public abstract Builder setDeletes(long deletes);

    public abstract Builder setDurationMillis(long millis);

    public abstract Builder setAverageRows(OptionalDouble average);

    public abstract Builder setAverageRuns(int runs);

    abstract Builder setFailStreaks(SortedMap<Integer, Long> streaks);

    public Builder failStreaks(Map<Integer, Long> streaks) {
      return setFailStreaks(java.util.Collections.unmodifiableSortedMap(new TreeMap<>(streaks)));
    }

    public abstract RunFacts build();
  }
}
