package org.actitosync.write;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails the run when Actito looks down: once at least {@code minCalls} changes were attempted in
 * this JVM for a run, if more than {@code failureShare} of them FAILED after the client's retries,
 * the writer throws instead of dead-lettering everything. The snapshot is then not committed and
 * the next run resends the same changes.
 */
final class OutageGuard {
  private static final PerRun<AtomicLong[]> COUNTS = new PerRun<>();

  private OutageGuard() {}

  /** Records one outcome; throws {@link ActitoOutageException} when the share is exceeded. */
  static void record(String runKey, boolean failed, double failureShare, int minCalls) {
    AtomicLong[] counts =
        COUNTS.get(runKey, () -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
    long total = counts[0].incrementAndGet();
    long failures = failed ? counts[1].incrementAndGet() : counts[1].get();
    if (total >= minCalls && failures > failureShare * total) {
      throw new ActitoOutageException(
          failures + " of " + total + " changes failed after retries (over "
              + Math.round(failureShare * 100) + "%): Actito looks unavailable, so the run stops"
              + " instead of dead-lettering every row; nothing is committed and the next run"
              + " resends these changes");
    }
  }
}
