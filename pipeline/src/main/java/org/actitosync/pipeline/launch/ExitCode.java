package org.actitosync.pipeline.launch;

import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.guard.GuardRefusedException;
import org.actitosync.snapshot.CommitConflictException;

/** The process exit codes of a run (documented in README.md, used by schedulers). */
public enum ExitCode {
  /** The run completed; every change was applied (or skipped by its mode). */
  OK(0),
  /** The pipeline failed (source, runner, outage, I/O): nothing was committed; rerun. */
  PIPELINE_FAILURE(1),
  /** The configuration or the target table cannot work: nothing was read or written. */
  CONFIG_ERROR(2),
  /** Actito refused the API key (401 after a re-mint, or 403): nothing committed. */
  AUTH_ERROR(3),
  /** A guard refused the run before writing: nothing written. */
  GUARD_REFUSAL(4),
  /** The run completed and committed, but some rows were rejected or failed (see dead letters). */
  REJECTED_ROWS(5),
  /** Another run of this activation committed from the same base first: this one is not committed. */
  COMMIT_CONFLICT(6),
  /**
   * The run completed and committed, but a warning reached its critical level (see the report's
   * {@code warnings}); takes precedence over {@link #REJECTED_ROWS}.
   */
  CRITICAL_WARNING(7);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit code of a run that failed with {@code failure} (or one of its causes). */
  static ExitCode of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ActitoAuthException
          || (t instanceof ActitoException && ((ActitoException) t).errorClass() == ErrorClass.AUTH)) {
        return AUTH_ERROR;
      }
      if (t instanceof CommitConflictException) {
        return COMMIT_CONFLICT;
      }
      if (t instanceof GuardRefusedException) {
        return GUARD_REFUSAL;
      }
    }
    return PIPELINE_FAILURE;
  }
}
