package org.actitosync.pipeline.cli;

import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of one run (not settings of the activation): what the run does ({@code --check},
 * {@code --dryRun}, {@code --fullResync}), its id, the confirmations a guard asks for, progress and
 * terminal output. Parsed by picocli as a mixin of the launcher's one command ({@code
 * ConfigLoader}); Beam's own options ({@code --runner}, {@code --parallelism}, …) are not here: they
 * go to Beam's {@code PipelineOptionsFactory} untouched.
 *
 * <p>Immutable once parsed: picocli fills the fields of a fresh instance, callers only read them.
 * Boolean options take Beam's spelling too ({@code --dryRun} or {@code --dryRun=true}).
 */
public final class RunOptions {
  /** The mixin's name in the command. */
  public static final String MIXIN = "run";

  @Option(names = "--check", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Check the connection instead of running: read-only calls (token, table structures, the ETL,"
          + " a record GET expecting 404), one line per call with what to do; reads no warehouse data and writes"
          + " nothing. Exit 0 all as expected, 3 key refused, 2 otherwise.")
  private boolean check;

  @Option(names = "--dryRun", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Run up to the writer and print a plan (per-key operations, counts, strategy, estimated calls"
          + " and duration) instead of writing: nothing is written to Actito or committed.")
  private boolean dryRun;

  @Option(names = "--fullResync", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Send every source row again, all attributes (deletes still come from the snapshot): the"
          + " repair after someone changed Actito by hand.")
  private boolean fullResync;

  @Option(names = "--runId", paramLabel = "ID",
      description = "The run id: letters, digits, '.', '_', '-' (at most 100). Default: UTC start time plus a"
          + " random suffix.")
  private @Nullable String runId;

  @Option(names = "--confirmDeletes", paramLabel = "N",
      description = "Confirms a MIRROR run that deletes more than the guard allows: the planned number of deletes.")
  private @Nullable Long confirmDeletes;

  @Option(names = "--confirmRows", paramLabel = "N",
      description = "Confirms a run whose source is empty or much smaller than the snapshot: the number of rows"
          + " read.")
  private @Nullable Long confirmRows;

  @Option(names = "--confirmMappingUpdates", paramLabel = "N",
      description = "Confirms a mapping change that updates more rows than the guard allows: the number of"
          + " updates.")
  private @Nullable Long confirmMappingUpdates;

  @Option(names = "--progressSeconds", paramLabel = "N",
      description = "Seconds between progress lines on long runs (0 = none). Default: 30.")
  private int progressSeconds = 30;

  @Option(names = "--verbose", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "The runner's logs also go to the terminal (they always go to the run's log file).")
  private boolean verbose;

  /** The mixin to add to the command (named {@link #MIXIN}): these options on a fresh instance. */
  public static CommandSpec mixin() {
    return CommandSpec.forAnnotatedObject(new RunOptions());
  }

  /** {@code --check}: prove the connection to Actito (read-only) instead of running. */
  public boolean check() {
    return check;
  }

  /** {@code --dryRun}: plan only; nothing written to Actito, nothing committed. */
  public boolean dryRun() {
    return dryRun;
  }

  /** {@code --fullResync}: every present key sent again. */
  public boolean fullResync() {
    return fullResync;
  }

  /** {@code --runId}, or null when the launcher chooses one. */
  public @Nullable String runId() {
    return runId;
  }

  public @Nullable Long confirmDeletes() {
    return confirmDeletes;
  }

  public @Nullable Long confirmRows() {
    return confirmRows;
  }

  public @Nullable Long confirmMappingUpdates() {
    return confirmMappingUpdates;
  }

  /** Seconds between progress lines (0 = none). */
  public int progressSeconds() {
    return progressSeconds;
  }

  /** {@code --verbose}: the runner's logs also reach the terminal. */
  public boolean verbose() {
    return verbose;
  }
}
