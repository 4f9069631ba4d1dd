package org.actitosync.snapshot;

/**
 * Another run committed from the same base first. This run's snapshot is not committed and
 * {@code CURRENT} is left as the winner set it; the writes this run made are re-detected and
 * re-applied (idempotently) by the next run, which starts from the winner's snapshot.
 */
public final class CommitConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommitConflictException(String message) {
    super(message);
  }
}
