package org.actitosync.pipeline.warning;

import java.util.List;
import java.util.OptionalDouble;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.RunCounts;

/** Rows read by the last committed runs, from their manifests, for {@link Check#ROWS_CHANGE}. */
public final class RowsHistory {
  private final OptionalDouble average;
  private final int runs;

  private RowsHistory(OptionalDouble average, int runs) {
    this.average = average;
    this.runs = runs;
  }

  /**
   * The average of the last {@code runs} committed runs that recorded their rows read.
   *
   * @param newestFirst committed manifests, newest first (the snapshot's committed chain)
   */
  public static RowsHistory of(List<Manifest> newestFirst, int runs) {
    long sum = 0;
    int counted = 0;
    for (Manifest manifest : newestFirst) {
      if (counted == runs) {
        break;
      }
      Long rows = manifest.counts().get(RunCounts.ROWS);
      if (rows != null) {
        sum += rows;
        counted++;
      }
    }
    return new RowsHistory(counted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sum / counted), counted);
  }

  public OptionalDouble average() {
    return average;
  }

  /** How many runs the average covers. */
  public int runs() {
    return runs;
  }
}
