package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import org.actitosync.actito.ActitoClient;
import org.actitosync.guard.GuardPolicy;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.alert.Alerts;
import org.actitosync.pipeline.check.ConnectionCheck;
import org.actitosync.pipeline.cli.RunOptions;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.config.LoadedConfig;
import org.actitosync.pipeline.console.RunLog;
import org.actitosync.pipeline.preflight.Preflight;
import org.actitosync.pipeline.preflight.PreflightException;
import org.actitosync.pipeline.source.PartitionKeyCheck;
import org.actitosync.pipeline.source.SourceSchemas;
import org.actitosync.pipeline.warning.RowsHistory;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.RunIds;
import org.actitosync.write.Pacing;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs one activation, in the order of {@link #run(String[], PTransform)}: load the config and the
 * options → check what the run needs → preflight (source schema, snapshot store, Actito) → build
 * the pipeline → run it → report → exit. Everything that happens once runs here, before {@code
 * pipeline.run()}; everything data-parallel runs in the pipeline, the snapshot commit included.
 *
 * <p>Every failure ends in {@link #failed}: its exit code from the one map ({@link ExitCode#of}),
 * one line ({@link FailureLine}) and, once the config is known, an alert. No stack trace on the
 * terminal: the runner's logs, and a failure's stack trace, go to the run's {@code run.log} ({@link
 * RunLog}; also to the terminal with {@code --verbose}).
 */
public final class Launcher {
  /** One run.log record at the end of each phase before the pipeline runs (their times are the run's timeline). */
  private static final Logger PHASES = Logger.getLogger(Launcher.class.getName());
  /** The system property a jar's launcher sets to describe the JVM it tuned for the run (logged in run.log). */
  public static final String TUNED_JVM = "actito.sync.jvm";

  private final PrintStream out;
  private final PrintStream err;
  private final @Nullable Pacing pacing;
  private final LongConsumer rowsRead;
  private final Runnable whenLogsHeld;

  public Launcher(PrintStream out, PrintStream err) {
    this(out, err, null, rows -> {}, () -> {});
  }

  /**
   * A launcher that also tells {@code rowsRead} how many rows each run that reaches its report read
   * (a completed run or dry run; not a failed one), after the report is written.
   */
  public Launcher(PrintStream out, PrintStream err, LongConsumer rowsRead) {
    this(out, err, null, rowsRead, () -> {});
  }

  /**
   * Also runs {@code whenLogsHeld} at the start of each run that is not {@code --help}, once this
   * JVM's logs are held for the run's log (so nothing it logs reaches the terminal) and before the
   * config is read: a runner starts there what the job will need and can start early (the Flink
   * jar's embedded cluster). It must return at once and must not fail.
   */
  public Launcher(PrintStream out, PrintStream err, LongConsumer rowsRead, Runnable whenLogsHeld) {
    this(out, err, null, rowsRead, whenLogsHeld);
  }

  /** Tests: the writer paced by {@code pacing}, a budget the test chooses (see {@link RunContext#pacing()}). */
  Launcher(PrintStream out, PrintStream err, @Nullable Pacing pacing) {
    this(out, err, pacing, rows -> {}, () -> {});
  }

  private Launcher(
      PrintStream out, PrintStream err, @Nullable Pacing pacing, LongConsumer rowsRead, Runnable whenLogsHeld) {
    this.out = out;
    this.err = err;
    this.pacing = pacing;
    this.rowsRead = rowsRead;
    this.whenLogsHeld = whenLogsHeld;
  }

  /** Runs with the configured source; returns the exit code. */
  public int run(String[] args) {
    return run(args, null);
  }

  /** Runs with {@code sourceOverride} instead of the configured source (tests), unless it is null. */
  public int run(String[] args, @Nullable PTransform<PBegin, PCollection<MappedRecord>> sourceOverride) {
    Optional<String> help = ConfigLoader.helpText(args);
    if (help.isPresent()) {
      out.println(help.get());
      out.println(ExitCode.summary());
      return ExitCode.OK.code();
    }
    FailureAlerts alerts = FailureAlerts.NONE;
    try (RunLog log = RunLog.start(out, err)) { // the runner's logs: held, then in run.log, not on the terminal
      whenLogsHeld.run();
      try {
        Loaded loaded = load(args);
        PHASES.info("loaded" + Optional.ofNullable(System.getProperty(TUNED_JVM)).map(j -> "; JVM: " + j).orElse(""));
        if (loaded.options().check()) {
          return connectionCheck(loaded.config());
        }
        Checked checked = check(loaded);
        alerts = checked.alerts();
        PHASES.info("checked");
        log.open(loaded.config().snapshotStore(), checked.runId(), loaded.options().dryRun() ? "plan/" : "",
            loaded.options().verbose());
        SnapshotReads store = new SnapshotReads(loaded.config().snapshotStore(), loaded.config().snapshot().root());
        Preflighted ready = preflight(loaded, checked, store, sourceOverride != null);
        PHASES.info("preflight done");
        Pipeline pipeline = build(loaded.beam(), ready.run(), sourceOverride);
        PHASES.info("built");
        long started = System.currentTimeMillis();
        PipelineResult result = runPipeline(pipeline, loaded);
        ExitCode exit = new RunReporter(ready.run(), store, alerts, out)
            .report(result, ready.history(), started, System.currentTimeMillis(), rowsRead);
        return exit.code();
      } catch (Exception e) {
        return failed(e, alerts, log);
      }
    }
  }

  /** The config, the run's options and Beam's, all validated; nothing read or written yet. */
  record Loaded(ActivationConfig config, RunOptions options, PipelineOptions beam) {}

  /** What the run settled before touching anything: its id, its guards, where failures are sent. */
  record Checked(String runId, GuardPolicy guard, FailureAlerts alerts) {}

  /** What preflight settled: the run's context and the rows the previous runs read (for the warnings). */
  record Preflighted(RunContext run, RowsHistory history) {}

  /** Load: {@link ConfigLoader} (config and run options, picocli) and Beam's options (the rest). */
  private static Loaded load(String[] args) throws ConfigException {
    LoadedConfig loaded = ConfigLoader.load(args);
    PipelineOptions beam;
    try {
      beam = PipelineOptionsFactory.fromArgs(loaded.pipelineArgsArray()).withValidation().create();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigProblem.of("", "command line: " + e.getMessage()));
    }
    return new Loaded(loaded.config(), loaded.runOptions(), beam);
  }

  /** Check: the run id, the guards and the alert channels' secrets, before anything is read. */
  private static Checked check(Loaded loaded) throws ConfigException {
    RunOptions options = loaded.options();
    String runId = options.runId() != null ? options.runId() : RunIds.newRunId(Instant.now());
    if (!RunIds.isValid(runId)) {
      throw new ConfigException(ConfigProblem.of("--runId",
          "'" + runId + "' must be letters, digits, '.', '_' or '-' (at most 100)"));
    }
    ActivationConfig config = loaded.config();
    GuardPolicy guard = Guards.policy(config.warnings().guards(), options);
    AlertSettings settings = config.warnings().alerts();
    readableChannelSecrets(settings);
    Alerts alerts = options.dryRun() ? new Alerts(List.of()) : Alerts.of(settings);
    return new Checked(runId, guard, new FailureAlerts(alerts, config.name(), runId));
  }

  /**
   * Preflight: the source's schema (the attribute layout; a partitioned read's key), the snapshot
   * store (the base run and the history), then Actito (authentication, the table, attributes
   * created).
   */
  private Preflighted preflight(Loaded loaded, Checked checked, SnapshotReads store, boolean sourceOverridden)
      throws ConfigException, PreflightException, java.io.IOException {
    ActivationConfig config = loaded.config();
    AttributeLayout layout;
    try {
      layout = config.attributeLayout(sourceOverridden ? Map.of() : SourceSchemas.infer(config.source()));
      if (!sourceOverridden) {
        PartitionKeyCheck.check(config); // a partitioned read's key: one integer column
      }
    } catch (SQLException | java.io.IOException e) {
      throw new PipelineFailureException("source: cannot read the source's schema: " + e.getMessage(), e);
    }
    Optional<Manifest> base = store.base();
    RowsHistory history = store.history(base, config.warnings().warnings().averageRuns());
    Preflight preflight;
    List<String> notes;
    try (ActitoClient client = ActitoClient.create(config.actitoClientConfig())) {
      client.checkAuthentication();
      preflight = new Preflight(client, loaded.options().dryRun());
      notes = preflight.run(config, layout, base);
    } catch (IllegalStateException e) {
      throw new PreflightException(List.of(e.getMessage()));
    }
    notes.forEach(n -> out.println("preflight: " + n));
    RunContext run = RunContext.of(config, layout, base.orElse(null), checked.runId(), loaded.options().dryRun(),
            loaded.options().fullResync(), checked.guard(), notes)
        .withProfileColumns(preflight.profileColumns())
        .withPacing(pacing);
    return new Preflighted(run, history);
  }

  /** Build: the run's graph on Beam's options, with the configured source or {@code source}. */
  private static Pipeline build(
      PipelineOptions beam, RunContext run, @Nullable PTransform<PBegin, PCollection<MappedRecord>> source) {
    Pipeline pipeline = Pipeline.create(beam);
    if (source == null) {
      ActivationJob.build(pipeline, run);
    } else {
      ActivationJob.build(pipeline, run, source);
    }
    return pipeline;
  }

  /** Run: until the job is DONE, printing progress; any other end is a failure. */
  private PipelineResult runPipeline(Pipeline pipeline, Loaded loaded) {
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = pipeline.run();
      state = ProgressPrinter.waitUntilFinish(
          result, out, loaded.options().progressSeconds(), loaded.config().write().callsPerMinute());
    } catch (RuntimeException e) {
      throw PipelineFailureException.of(e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new PipelineFailureException("pipeline ended in state " + state);
    }
    return result;
  }

  /** Exit of a failed run: the code from the one map, one line, the alert once the config is known. */
  private int failed(Exception failure, FailureAlerts alerts, RunLog log) {
    ExitCode code = ExitCode.of(failure);
    String message = FailureLine.message(failure);
    String whatToDo = FailureLine.whatToDo(code, failure);
    log.failure(code.kind(), failure); // the stack trace goes to run.log only
    err.println(FailureLine.of(code, message, whatToDo));
    if (code == ExitCode.PIPELINE_FAILURE) { // unexpected: say where the details are
      log.location().ifPresent(path -> err.println("actito-sync: details in " + path));
    }
    alerts.failed(code, message + " — " + whatToDo, err);
    return code.code();
  }

  /** {@code --check}: read-only calls only, before the source, the snapshot or any write. */
  private int connectionCheck(ActivationConfig config) {
    try (ActitoClient client = ActitoClient.create(ConnectionCheck.clientConfig(config))) {
      ConnectionCheck.Result result = ConnectionCheck.run(config, client);
      result.lines().forEach(line -> out.println(line.render()));
      (result.exitCode() == 0 ? out : err).println(result.summary());
      return result.exitCode();
    } catch (java.io.IOException | RuntimeException e) {
      err.println(FailureLine.of(ExitCode.CONFIG_ERROR, "check: " + e.getMessage(), ExitCode.CONFIG_ERROR.whatToDo()));
      return ExitCode.CONFIG_ERROR.code();
    }
  }

  /** A channel secret that cannot be read is found before anything runs, not when alerting. */
  private static void readableChannelSecrets(AlertSettings alerts) throws ConfigException {
    try {
      if (alerts.webhook() != null && alerts.webhook().urlSecret() != null) {
        alerts.webhook().urlSecret().reveal();
      }
    } catch (RuntimeException e) {
      throw new ConfigException(ConfigProblem.of("warnings.webhook", e.getMessage()));
    }
    try {
      if (alerts.email() != null && alerts.email().password() != null) {
        alerts.email().password().reveal();
      }
    } catch (RuntimeException e) {
      throw new ConfigException(ConfigProblem.of("warnings.email", e.getMessage()));
    }
  }
}
