package org.actitosync.write;

/**
 * Fails the run when Actito looks down: once at least {@code minCalls} outcomes (changes, and
 * profiles) were counted for the run, if more than {@code failureShare} of them FAILED after the
 * client's retries, {@link #record} throws instead of letting every row be dead-lettered. The
 * snapshot is then not committed and the next run resends the same changes.
 *
 * <p>One instance per writer step, started from the counts of the steps before it ({@link
 * CallHistory}), so the share is judged over the run. Thread-safe.
 */
final class OutageGuard {
  private final double failureShare;
  private final int minCalls;
  private long attempted;
  private long failed;

  OutageGuard(double failureShare, int minCalls, long attempted, long failed) {
    this.failureShare = failureShare;
    this.minCalls = minCalls;
    this.attempted = attempted;
    this.failed = failed;
  }

  /** Counts one outcome; throws {@link ActitoOutageException} when the share is exceeded. */
  synchronized void record(boolean isFailure) {
    attempted++;
    if (isFailure) {
      failed++;
    }
    if (attempted >= minCalls && failed > failureShare * attempted) {
      throw new ActitoOutageException(
          failed + " of " + attempted + " changes failed after retries (over "
              + Math.round(failureShare * 100) + "%): Actito looks unavailable, so the run stops"
              + " instead of dead-lettering every row; nothing is committed and the next run"
              + " resends these changes");
    }
  }

  synchronized long attempted() {
    return attempted;
  }

  synchronized long failed() {
    return failed;
  }
}
