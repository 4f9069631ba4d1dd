package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.change.ChangeKind;
import org.actitosync.pipeline.check.ConnectionCheck;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.config.LoadedConfig;
import org.actitosync.pipeline.config.WarningsSection;
import org.actitosync.pipeline.console.RunLog;
import org.actitosync.pipeline.alert.AlertMessage;
import org.actitosync.pipeline.alert.Alerts;
import org.actitosync.pipeline.warning.Level;
import org.actitosync.pipeline.warning.RowsHistory;
import org.actitosync.pipeline.warning.RunWarning;
import org.actitosync.pipeline.warning.WarningRules;
import org.actitosync.pipeline.preflight.Preflight;
import org.actitosync.pipeline.preflight.PreflightException;
import org.actitosync.pipeline.report.RunMetrics;
import org.actitosync.pipeline.report.RunReport;
import org.actitosync.pipeline.source.SourceSchemas;
import org.actitosync.record.AttributeLayout;
import org.actitosync.snapshot.CommitConflictException;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.RunIds;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.write.ActitoOutageException;
import org.actitosync.write.Pacing;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs one activation: configuration (validated before anything is read), preflight in Actito
 * (authentication, table structure, attributes created), the pipeline, then the run report and
 * the exit code ({@link ExitCode}). Everything that happens once runs here, before {@code
 * pipeline.run()}; everything data-parallel runs in the pipeline, the snapshot commit included.
 */
public final class Launcher {
  private final PrintStream out;
  private final PrintStream err;
  private final @Nullable Pacing pacing;
  private RunLog runLog; // quiet terminal: the runner's logs go to run.log (set by run)

  public Launcher(PrintStream out, PrintStream err) {
    this(out, err, null);
  }

  /** Tests: the writer paced by {@code pacing}, a budget the test chooses (see {@link RunContext#pacing()}). */
  Launcher(PrintStream out, PrintStream err, @Nullable Pacing pacing) {
    this.out = out;
    this.err = err;
    this.pacing = pacing;
  }

  /** Runs with the configured source. */
  public int run(String[] args) {
    return run(args, null);
  }

  /** Runs with {@code sourceOverride} instead of the configured source (tests), unless it is null. */
  public int run(String[] args, org.apache.beam.sdk.transforms.PTransform<
      org.apache.beam.sdk.values.PBegin,
      org.apache.beam.sdk.values.PCollection<org.actitosync.record.MappedRecord>> sourceOverride) {
    try (RunLog log = RunLog.start(out, err)) { // quiet terminal: from here, logs are held for run.log
      runLog = log;
      return runLogged(args, sourceOverride);
    }
  }

  private int runLogged(String[] args, org.apache.beam.sdk.transforms.PTransform<org.apache.beam.sdk.values.PBegin,
      org.apache.beam.sdk.values.PCollection<org.actitosync.record.MappedRecord>> sourceOverride) {
    Optional<String> help = ConfigLoader.helpText(args);
    if (help.isPresent()) {
      out.println(help.get());
      out.println("Run options: --check (prove the connection to Actito: read-only calls, one line each),");
      out.println("--dryRun (plan only, nothing written), --fullResync (send every row again;");
      out.println("deletes still from the snapshot), --confirmDeletes=N, --confirmRows=N, --confirmMappingUpdates=N");
      out.println("(confirm what a guard refused, with the exact number), --runId=ID, --progressSeconds=N (default 30),");
      out.println("--verbose (runner logs on the terminal too), plus any Beam option, e.g. --runner=FlinkRunner --flinkMaster=[local].");
      out.println("Exit codes: 0 ok, 1 pipeline failure, 2 config error, 3 auth error, 4 guard refusal,");
      out.println("5 completed with rejected or failed rows, 6 commit conflict, 7 critical warning.");
      return ExitCode.OK.code();
    }
    LoadedConfig loaded;
    SyncOptions options;
    try {
      loaded = ConfigLoader.load(args);
      PipelineOptionsFactory.register(SyncOptions.class);
      options = PipelineOptionsFactory.fromArgs(loaded.pipelineArgsArray()).withValidation().as(SyncOptions.class);
    } catch (ConfigException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(ExitCode.CONFIG_ERROR, "command line: " + e.getMessage());
    }
    ActivationConfig config = loaded.config();
    if (options.getCheck()) {
      return check(config);
    }
    String runId = options.getRunId() != null ? options.getRunId() : RunIds.newRunId(Instant.now());
    if (!RunIds.isValid(runId)) {
      return fail(ExitCode.CONFIG_ERROR,
          "--runId: '" + runId + "' must be letters, digits, '.', '_' or '-' (at most 100)");
    }
    boolean dryRun = options.getDryRun();
    runLog.open(config.snapshotStore(), runId, dryRun ? "plan/" : "", options.getVerbose()); // quiet terminal
    WarningsSection checks = config.warningsSection();
    org.actitosync.guard.GuardPolicy guard;
    try {
      guard = Guards.policy(config.warnings(), options);
    } catch (ConfigException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    }
    Optional<String> unreadable = unreadableChannelSecret(checks.alerts());
    if (unreadable.isPresent()) {
      return fail(ExitCode.CONFIG_ERROR, unreadable.get());
    }
    FailureAlerts failures = new FailureAlerts(dryRun ? new Alerts(List.of()) : Alerts.of(checks.alerts()),
        config.name(), runId);

    AttributeLayout layout;
    try {
      layout = config.attributeLayout(sourceOverride == null ? SourceSchemas.infer(config.source()) : java.util.Map.of());
    } catch (ConfigException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    } catch (SQLException | java.io.IOException e) {
      return failures.fail(ExitCode.PIPELINE_FAILURE, "source: cannot read the source's schema: " + e.getMessage());
    }
    SnapshotStore store = config.snapshotStore();
    Optional<Manifest> base = store.currentManifest();
    RowsHistory history = RunChecks.history(store, checks.warnings().averageRuns());
    List<String> notes;
    org.actitosync.record.ProfileColumns profileColumns;
    try (ActitoClient client = ActitoClient.create(config.actitoClientConfig())) {
      client.checkAuthentication();
      Preflight preflight = new Preflight(client, dryRun);
      notes = preflight.run(config, layout, base);
      profileColumns = preflight.profileColumns();
    } catch (ActitoAuthException e) {
      return failures.fail(ExitCode.AUTH_ERROR, "authentication: " + e.getMessage());
    } catch (PreflightException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    } catch (IllegalStateException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    } catch (ActitoException e) {
      return failures.fail(ExitCode.PIPELINE_FAILURE, e.getMessage());
    } catch (java.io.IOException e) {
      return failures.fail(ExitCode.PIPELINE_FAILURE, e.getMessage());
    }
    notes.forEach(n -> out.println("preflight: " + n));

    RunContext run = RunContext.of(
        config, layout, base.orElse(null), runId, dryRun, options.getFullResync(), guard, notes)
        .withProfileColumns(profileColumns)
        .withPacing(pacing);
    Pipeline pipeline = Pipeline.create(options);
    if (sourceOverride == null) {
      ActivationJob.build(pipeline, run);
    } else {
      ActivationJob.build(pipeline, run, sourceOverride);
    }
    long started = System.currentTimeMillis();
    PipelineResult result;
    try {
      result = pipeline.run();
      PipelineResult.State state = ProgressPrinter.waitUntilFinish(
          result, out, options.getProgressSeconds(), config.write().callsPerMinute());
      if (state != PipelineResult.State.DONE) {
        return failures.fail(ExitCode.PIPELINE_FAILURE, "pipeline ended in state " + state + "; nothing was committed");
      }
    } catch (RuntimeException e) {
      runLog.failure("the pipeline failed", e); // quiet terminal: the stack trace in run.log only
      return failures.fail(ExitCode.of(e), describe(e));
    }
    long finished = System.currentTimeMillis();

    RunMetrics metrics = RunMetrics.from(result);
    String folder = dryRun ? "plan/" : "";
    String strategy = store.readRunFile(runId, folder + ActivationJob.STRATEGY_FILE)
        .map(b -> new String(b, StandardCharsets.UTF_8).trim()).orElse(null);
    RunReport report = RunReport.of(config.name(), runId, base.map(Manifest::runId).orElse(null),
        config.mode().name(), dryRun, metrics, strategy, started, finished, notes)
        .withProfileStrategy(store.readRunFile(runId, folder + ActivationJob.PROFILE_STRATEGY_FILE)
            .map(b -> new String(b, StandardCharsets.UTF_8).trim()).orElse(null));
    java.util.Map<String, Long> committed =
        dryRun ? java.util.Map.of() : store.readManifest(runId).map(Manifest::counts).orElse(java.util.Map.of());
    List<RunWarning> warnings = WarningRules.evaluate(
        checks.warnings(), RunChecks.facts(report, metrics, committed, history, finished - started));
    long bad = report.classified(ChangeKind.REJECTED) + report.outcomes("REJECTED") + report.outcomes("FAILED");
    Level level = WarningRules.level(warnings);
    ExitCode exit = dryRun ? ExitCode.OK
        : level == Level.CRITICAL ? ExitCode.CRITICAL_WARNING
        : bad > 0 ? ExitCode.REJECTED_ROWS : ExitCode.OK;
    report = report.withWarnings(warnings).withExit(exit.name());
    String reportPath = store.runDirectory(runId) + folder + "report.json";
    if (!warnings.isEmpty() && !failures.alerts().isEmpty()) {
      report = report.withAlerts(failures.alerts().deliver(AlertMessage.completed(
          config.name(), runId, level, warnings, report.headlineCounts(), reportPath)));
    }
    store.writeRunFile(runId, folder + "report.json", report.toJsonBytes());
    out.print(report.summary());
    out.println("report: " + reportPath);
    if (bad > 0) {
      out.println("dead letters: " + store.runDirectory(runId) + folder + "rejected/ (" + bad + " rows)");
    }
    return exit.code();
  }

  /** {@code --check}: read-only calls only, before the source, the snapshot or any write. */
  private int check(ActivationConfig config) {
    try (ActitoClient client = ActitoClient.create(ConnectionCheck.clientConfig(config))) {
      ConnectionCheck.Result result = ConnectionCheck.run(config, client);
      result.lines().forEach(line -> out.println(line.render()));
      (result.exitCode() == 0 ? out : err).println(result.summary());
      return result.exitCode();
    } catch (java.io.IOException | RuntimeException e) {
      return fail(ExitCode.CONFIG_ERROR, "check: " + e.getMessage());
    }
  }

  /** Failures after the config is known: printed, and sent to the alert channels as one message. */
  private final class FailureAlerts {
    private final Alerts alerts;
    private final String activation;
    private final String runId;

    FailureAlerts(Alerts alerts, String activation, String runId) {
      this.alerts = alerts;
      this.activation = activation;
      this.runId = runId;
    }

    Alerts alerts() {
      return alerts;
    }

    int fail(ExitCode code, String message) {
      int exit = Launcher.this.fail(code, message);
      if (code == ExitCode.PIPELINE_FAILURE) { // quiet terminal: unexpected, so where the details are
        runLog.location().ifPresent(path -> err.println("actito-sync: details in " + path));
      }
      if (!alerts.isEmpty()) {
        String reason = code.name() + " (exit " + code.code() + "): " + message;
        alerts.deliver(AlertMessage.failed(activation, runId, reason))
            .forEach(r -> err.println("actito-sync: alert " + r.line()));
      }
      return exit;
    }
  }

  /** A channel secret that cannot be read, found before anything runs rather than when alerting. */
  private static Optional<String> unreadableChannelSecret(org.actitosync.pipeline.alert.AlertSettings alerts) {
    try {
      if (alerts.webhook() != null && alerts.webhook().urlSecret() != null) {
        alerts.webhook().urlSecret().reveal();
      }
    } catch (RuntimeException e) {
      return Optional.of("warnings.webhook: " + e.getMessage());
    }
    try {
      if (alerts.email() != null && alerts.email().password() != null) {
        alerts.email().password().reveal();
      }
    } catch (RuntimeException e) {
      return Optional.of("warnings.email: " + e.getMessage());
    }
    return Optional.empty();
  }

  private int fail(ExitCode code, String message) {
    err.println("actito-sync: " + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message);
    return code.code();
  }

  static String describe(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof ActitoException || t instanceof CommitConflictException || t instanceof ActitoOutageException
          || t instanceof org.actitosync.guard.GuardRefusedException) {
        break;
      }
    }
    if (root instanceof org.actitosync.guard.GuardRefusedException) {
      return root.getMessage() + " (nothing was written; the snapshot is unchanged)";
    }
    String type = ExitCode.of(root) == ExitCode.PIPELINE_FAILURE ? root.getClass().getSimpleName() + ": " : "";
    return type + root.getMessage() + " (nothing was committed; the next run retries)"; // expected: no class name
  }
}
