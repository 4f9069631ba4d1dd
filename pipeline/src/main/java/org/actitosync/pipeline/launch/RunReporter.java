package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.actitosync.change.ChangeKind;
import org.actitosync.pipeline.alert.AlertMessage;
import org.actitosync.pipeline.report.RunMetrics;
import org.actitosync.pipeline.report.RunReport;
import org.actitosync.pipeline.warning.Level;
import org.actitosync.pipeline.warning.RowsHistory;
import org.actitosync.pipeline.warning.RunWarning;
import org.actitosync.pipeline.warning.WarningRules;
import org.apache.beam.sdk.PipelineResult;

/**
 * The report step of a run that finished: the run report from the job's metrics and the files it
 * wrote, the warnings, their alert, {@code report.json}, the summary, and the exit code of a
 * completed run ({@link ExitCode#OK}, {@link ExitCode#REJECTED_ROWS} or {@link
 * ExitCode#CRITICAL_WARNING}; a dry run is always OK).
 */
final class RunReporter {
  private final RunContext run;
  private final SnapshotReads store;
  private final FailureAlerts alerts;
  private final PrintStream out;

  RunReporter(RunContext run, SnapshotReads store, FailureAlerts alerts, PrintStream out) {
    this.run = run;
    this.store = store;
    this.alerts = alerts;
    this.out = out;
  }

  /** Reports the run, then tells {@code rowsRead} how many rows it read; returns its exit code. */
  ExitCode report(PipelineResult result, RowsHistory history, long started, long finished, LongConsumer rowsRead) {
    String runId = run.runId();
    String folder = run.dryRun() ? "plan/" : "";
    RunMetrics metrics = RunMetrics.from(result);
    RunReport report = RunReport.of(run.config().name(), runId, run.base() == null ? null : run.base().runId(),
            run.config().mode().name(), run.dryRun(), metrics, store.runText(runId, folder + ActivationJob.STRATEGY_FILE),
            started, finished, run.notes())
        .withProfileStrategy(store.runText(runId, folder + ActivationJob.PROFILE_STRATEGY_FILE));
    Map<String, Long> committed = run.dryRun() ? Map.of() : store.committedCounts(runId);
    List<RunWarning> warnings = WarningRules.evaluate(run.config().warnings().warnings(),
        RunChecks.facts(report, metrics, committed, history, finished - started));
    long bad = report.classified(ChangeKind.REJECTED) + report.outcomes("REJECTED") + report.outcomes("FAILED");
    Level level = WarningRules.level(warnings);
    ExitCode exit = run.dryRun() ? ExitCode.OK
        : level == Level.CRITICAL ? ExitCode.CRITICAL_WARNING
        : bad > 0 ? ExitCode.REJECTED_ROWS : ExitCode.OK;
    report = report.withWarnings(warnings).withExit(exit.name());
    String reportPath = run.store().runDirectory(runId) + folder + "report.json";
    if (!warnings.isEmpty() && !alerts.alerts().isEmpty()) {
      report = report.withAlerts(alerts.alerts().deliver(AlertMessage.completed(
          run.config().name(), runId, level, warnings, report.headlineCounts(), reportPath)));
    }
    store.writeRunFile(runId, folder + "report.json", report.toJsonBytes());
    rowsRead.accept(report.rowsRead());
    out.print(report.summary());
    out.println("report: " + reportPath);
    if (bad > 0) {
      out.println("dead letters: " + run.store().runDirectory(runId) + folder + "rejected/ (" + bad + " rows)");
    }
    return exit;
  }
}
