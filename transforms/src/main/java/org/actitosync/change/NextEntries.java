package org.actitosync.change;

import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one rule of the snapshot (design.md section 2), as a pure function: an entry changes only when
 * Actito acknowledged the operation.
 *
 * <ul>
 *   <li>APPLIED: the change's next entry (a delete removes the key).
 *   <li>SKIPPED_MISSING: the next entry's digests as {@link EntryState#ABSENT}; SKIPPED_EXISTS: as
 *       {@link EntryState#FOREIGN} (remembered, never deleted; see the classifier for retries).
 *   <li>REJECTED / FAILED: the previous entry, one more failure counted; a key new to the snapshot
 *       gets an unowned entry with unknown digests, so it is retried and its failures counted.
 *   <li>Not a change: the classification's next entry.
 * </ul>
 */
public final class NextEntries {
  private NextEntries() {}

  /** Entry for a key that was not sent: unchanged, skipped or rejected. */
  public static @Nullable SnapshotEntry forUnsent(Classification classification) {
    if (classification.kind().isChange()) {
      throw new IllegalArgumentException("a change needs its write outcome: " + classification.key());
    }
    return classification.nextEntry();
  }

  /** Entry for a change, given what Actito did with it. */
  public static @Nullable SnapshotEntry forOutcome(WriteOutcome outcome, int runNumber, int attributeCount) {
    Classification change = outcome.change();
    switch (outcome.status()) {
      case APPLIED:
        return change.nextEntry();
      case SKIPPED_MISSING:
        return change.kind() == ChangeKind.DELETE ? null : change.nextEntry().withState(EntryState.ABSENT);
      case SKIPPED_EXISTS:
        return change.kind() == ChangeKind.DELETE ? null : change.nextEntry().withState(EntryState.FOREIGN);
      case REJECTED:
      case FAILED:
        SnapshotEntry previous = change.previousEntry();
        return previous != null
            ? previous.withOneMoreFailure()
            : SnapshotEntry.unknown(change.key(), attributeCount, runNumber, 1);
      default:
        throw new IllegalStateException("unknown outcome " + outcome.status());
    }
  }
}
