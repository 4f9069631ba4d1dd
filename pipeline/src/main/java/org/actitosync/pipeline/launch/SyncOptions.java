package org.actitosync.pipeline.launch;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The run-level options of actito-sync, next to Beam's (runner, parallelism, …). */
public interface SyncOptions extends PipelineOptions {
  @Description(
      "Run up to the writer and print a plan (per-key operations, counts, strategy, estimated calls"
          + " and duration) instead of writing: nothing is written to Actito or committed.")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean dryRun);

  @Description(
      "Check the connection instead of running: read-only calls (token, table structures, the ETL,"
          + " a record GET expecting 404), one line per call with what to do; reads no warehouse data"
          + " and writes nothing. Exit 0 all as expected, 3 key refused, 2 otherwise.")
  @Default.Boolean(false)
  boolean getCheck();

  void setCheck(boolean check);

  @Description("The run id (default: UTC start time plus a random suffix).")
  String getRunId();

  void setRunId(String runId);

  @Description(
      "Send every source row again, all attributes (deletes still come from the snapshot): the"
          + " repair after someone changed Actito by hand.")
  @Default.Boolean(false)
  boolean getFullResync();

  void setFullResync(boolean fullResync);

  @Description("Confirms a MIRROR run that deletes more than the guard allows: the planned number of deletes.")
  Long getConfirmDeletes();

  void setConfirmDeletes(Long deletes);

  @Description("Confirms a run whose source is empty or much smaller than the snapshot: the number of rows read.")
  Long getConfirmRows();

  void setConfirmRows(Long rows);

  @Description("Confirms a mapping change that updates more rows than the guard allows: the number of updates.")
  Long getConfirmMappingUpdates();

  void setConfirmMappingUpdates(Long updates);

  @Description("Seconds between progress lines on long runs (0 = none).")
  @Default.Integer(30)
  int getProgressSeconds();

  void setProgressSeconds(int seconds);

  @Description(
      "Also print the runner's logs (Flink, Beam, HTTP) on the terminal; they always go to the run's"
          + " run.log (runs/<runId>/run.log in the snapshot store).")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean verbose);
}
