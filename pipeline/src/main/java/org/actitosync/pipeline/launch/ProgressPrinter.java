package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.util.Locale;
import org.actitosync.change.ChangeKind;
import org.actitosync.pipeline.report.RunMetrics;
import org.actitosync.pipeline.report.RunReport;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/**
 * Waits for a run and prints a progress line at a steady interval while it runs: rows read,
 * changes written out of those classified so far, and the time left at the calls-per-minute
 * budget. The numbers are the run's own Beam metrics as the runner reports them while the job
 * runs ({@link PipelineResult#metrics()}, attempted values: the same counters the run report
 * reads), so two runs in one JVM never mix their lines.
 *
 * <p>A runner whose {@code run()} returns only once the job has finished (Flink, the DirectRunner
 * with {@code --blockOnRun=true}) gets no progress line: its metrics are known only at the end,
 * and the report prints them.
 */
final class ProgressPrinter {
  private ProgressPrinter() {}

  /**
   * Waits until the run ends, printing {@link #line} every {@code seconds} while it has not
   * (never when {@code seconds} is 0). Failures of the run propagate as {@link
   * PipelineResult#waitUntilFinish} throws them.
   *
   * @return the run's terminal state
   */
  static PipelineResult.State waitUntilFinish(
      PipelineResult result, PrintStream out, int seconds, double callsPerMinute) {
    if (seconds <= 0) {
      return result.waitUntilFinish();
    }
    while (true) {
      // null (the DirectRunner) or a non-terminal state: the run goes on
      PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(seconds));
      if (state != null && state.isTerminal()) {
        return state;
      }
      try {
        out.println(line(RunMetrics.from(result), callsPerMinute));
      } catch (RuntimeException e) {
        // metrics unreadable for now (e.g. a remote runner's API): no line rather than a wrong one
      }
    }
  }

  /** The progress line of a run whose metrics so far are {@code metrics}. */
  static String line(RunMetrics metrics, double callsPerMinute) {
    long rows = metrics.count(RunReport.ROWS_READ_DISTRIBUTION);
    long changes = metrics.counter("classified_" + ChangeKind.INSERT)
        + metrics.counter("classified_" + ChangeKind.UPDATE)
        + metrics.counter("classified_" + ChangeKind.DELETE);
    long written = metrics.withPrefix("outcome.").values().stream().mapToLong(Long::longValue).sum();
    long left = Math.max(0, changes - written);
    long etaSeconds = (long) Math.ceil(left * 60.0 / callsPerMinute);
    return String.format(Locale.ROOT, "progress: %,d rows read, %,d of %,d changes written, ETA %ds at %.0f calls/min",
        rows, written, changes, etaSeconds, callsPerMinute);
  }
}
