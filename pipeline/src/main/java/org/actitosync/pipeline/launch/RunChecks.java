package org.actitosync.pipeline.launch;

import java.util.Map;
import java.util.TreeMap;
import org.actitosync.change.ChangeKind;
import org.actitosync.classify.Rules;
import org.actitosync.pipeline.report.RunMetrics;
import org.actitosync.pipeline.report.RunReport;
import org.actitosync.pipeline.warning.RowsHistory;
import org.actitosync.pipeline.warning.RunFacts;
import org.actitosync.snapshot.RunCounts;

/** Gathers what the warning checks look at, before and after the pipeline. */
final class RunChecks {
  private RunChecks() {}

  /**
   * The facts of a finished run.
   *
   * @param committedCounts the counts of this run's committed manifest (empty for a dry run)
   */
  static RunFacts facts(
      RunReport report, RunMetrics metrics, Map<String, Long> committedCounts, RowsHistory history, long millis) {
    Map<Integer, Long> streaks = new TreeMap<>();
    committedCounts.forEach((name, count) -> {
      if (name.startsWith(RunCounts.FAIL_STREAK_PREFIX)) {
        streaks.put(Integer.parseInt(name.substring(RunCounts.FAIL_STREAK_PREFIX.length())), count);
      }
    });
    return RunFacts.builder()
        .setRowsRead(report.rowsRead())
        .setRejected(report.classified(ChangeKind.REJECTED) + report.outcomes("REJECTED"))
        .setFailed(report.outcomes("FAILED"))
        .setDuplicateKeys(metrics.counter("rejected_" + Rules.DUPLICATE_KEY))
        .setDeletes(report.classified(ChangeKind.DELETE))
        .setDurationMillis(millis)
        .setAverageRows(history.average())
        .setAverageRuns(history.runs())
        .failStreaks(streaks)
        .build();
  }
}
