package org.actitosync.pipeline.launch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.guard.GuardRefusedException;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.preflight.PreflightException;
import org.actitosync.snapshot.CommitConflictException;

/**
 * The process exit codes of a run (documented in README.md, used by schedulers), and the one map
 * from a failure to its code ({@link #of}), in the style of dbeam's {@code ExceptionHandling}.
 */
public enum ExitCode {
  /** The run completed; every change was applied (or skipped by its mode). */
  OK(0, "nothing"),
  /**
   * The pipeline failed (source, runner, outage, I/O), or the snapshot store is damaged or
   * unreadable ({@link SnapshotStoreException}): nothing was committed; rerun.
   */
  PIPELINE_FAILURE(1, "nothing was committed; the next run retries from the last commit"),
  /** The configuration or the target table cannot work: nothing was read or written. */
  CONFIG_ERROR(2, "fix the config and run again; nothing was read or written"),
  /** Actito refused the API key (401 after a re-mint, or 403): nothing committed. */
  AUTH_ERROR(3, "check the API key (target.apiKeyEnv / apiKeyFile) and its rights on the entity; nothing was committed"),
  /** A guard refused the run before writing: nothing written. */
  GUARD_REFUSAL(4, "nothing was written and the snapshot is unchanged; fix the source, or confirm with the exact number"),
  /** The run completed and committed, but some rows were rejected or failed (see dead letters). */
  REJECTED_ROWS(5, "see the dead letters; they are retried next run"),
  /** Another run of this activation committed from the same base first: this one is not committed. */
  COMMIT_CONFLICT(6, "nothing is lost: the next run starts from the winner and re-applies what this one wrote"),
  /**
   * The run completed and committed, but a warning reached its critical level (see the report's
   * {@code warnings}); takes precedence over {@link #REJECTED_ROWS}.
   */
  CRITICAL_WARNING(7, "read the report's warnings");

  /**
   * The typed failures and their codes, checked in this order against the failure and each of its
   * causes; the first match decides. Anything else is {@link #PIPELINE_FAILURE}.
   */
  private static final List<Map.Entry<Predicate<Throwable>, ExitCode>> MAP = List.of(
      Map.entry(t -> t instanceof ConfigException || t instanceof PreflightException, CONFIG_ERROR),
      Map.entry(t -> t instanceof ActitoAuthException
          || (t instanceof ActitoException && ((ActitoException) t).errorClass() == ErrorClass.AUTH), AUTH_ERROR),
      Map.entry(t -> t instanceof GuardRefusedException, GUARD_REFUSAL),
      Map.entry(t -> t instanceof CommitConflictException, COMMIT_CONFLICT),
      Map.entry(t -> t instanceof SnapshotStoreException, PIPELINE_FAILURE));

  private final int code;
  private final String whatToDo;

  ExitCode(int code, String whatToDo) {
    this.code = code;
    this.whatToDo = whatToDo;
  }

  public int code() {
    return code;
  }

  /** What the user does about a run that ended with this code (the end of the failure line). */
  public String whatToDo() {
    return whatToDo;
  }

  /** {@code --help}'s last line: every code with its kind, from this enum. */
  public static String summary() {
    return "Exit codes: " + java.util.Arrays.stream(values()).map(c -> c.code + " " + c.kind())
        .collect(java.util.stream.Collectors.joining(", ")) + " (README.md: what to do for each).";
  }

  /** The code's name as the failure line spells it: {@code config error}, {@code guard refusal}, … */
  public String kind() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The exit code of a run that failed with {@code failure} (or one of its causes): the one map. */
  public static ExitCode of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Map.Entry<Predicate<Throwable>, ExitCode> entry : MAP) {
        if (entry.getKey().test(t)) {
          return entry.getValue();
        }
      }
    }
    return PIPELINE_FAILURE;
  }

  /** The failure (or cause) that decided {@link #of}, or null when none is typed. */
  static Throwable decisive(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Map.Entry<Predicate<Throwable>, ExitCode> entry : MAP) {
        if (entry.getKey().test(t)) {
          return t;
        }
      }
    }
    return null;
  }
}
