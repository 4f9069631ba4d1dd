package org.actitosync.snapshot;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.RecordDigest;

/**
 * What the snapshot remembers of one key: the digests of the record as last accepted by Actito,
 * the run that last wrote it, how many consecutive runs failed to write it, and whether this
 * activation wrote the destination record at all.
 *
 * <p>{@link #state()} is {@link EntryState#OWNED} when Actito acknowledged a create or update from
 * this activation; only owned entries are ever deleted (MIRROR never deletes what someone else
 * wrote). Other states remember a key without a record of ours: an update-only that found no
 * record ({@link EntryState#ABSENT}), a create-only that found one ({@link EntryState#FOREIGN}),
 * or a key whose every write failed so far ({@link EntryState#PENDING}, digests unknown).
 *
 * <p>Attribute digests are by position in the {@link AttributeLayout} of the run that wrote the
 * snapshot; {@link #project} moves them onto another layout.
 */
@AutoValue
public abstract class SnapshotEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String key();

  /** 64-bit digest of the canonical record, or {@link RecordDigest#UNKNOWN_ROW}. */
  public abstract long rowDigest();

  @SuppressWarnings("mutable")
  abstract int[] attributeDigestsInternal();

  /** Run number of the run that last wrote this key to Actito (or first remembered it). */
  public abstract int runNumber();

  /** Consecutive runs in which this key was rejected or failed; 0 after a success. */
  public abstract int failStreak();

  public abstract EntryState state();

  /** Whether this activation wrote the destination record (only owned keys are ever deleted). */
  public boolean owned() {
    return state() == EntryState.OWNED;
  }

  public static SnapshotEntry create(
      String key,
      long rowDigest,
      int[] attributeDigests,
      int runNumber,
      int failStreak,
      EntryState state) {
    return new AutoValue_SnapshotEntry(
        key, rowDigest, attributeDigests.clone(), runNumber, failStreak, state);
  }

  /** Entry for a key this activation tried to write but never could: every digest unknown. */
  public static SnapshotEntry unknown(String key, int attributeCount, int runNumber, int failStreak) {
    int[] digests = new int[attributeCount];
    java.util.Arrays.fill(digests, RecordDigest.UNKNOWN_VALUE);
    return create(key, RecordDigest.UNKNOWN_ROW, digests, runNumber, failStreak, EntryState.PENDING);
  }

  /** Entry recording {@code digest} as written by run {@code runNumber}. */
  public static SnapshotEntry written(String key, RecordDigest digest, int runNumber) {
    return create(key, digest.row(), digest.attributes(), runNumber, 0, EntryState.OWNED);
  }

  public int attributeCount() {
    return attributeDigestsInternal().length;
  }

  public int attributeDigest(int position) {
    return attributeDigestsInternal()[position];
  }

  /** A copy of the per-attribute digests. */
  public int[] attributeDigests() {
    return attributeDigestsInternal().clone();
  }

  public SnapshotEntry withState(EntryState state) {
    return create(key(), rowDigest(), attributeDigestsInternal(), runNumber(), failStreak(), state);
  }

  /** The same entry with no failure counted (itself if none was). */
  public SnapshotEntry withFailuresCleared() {
    return failStreak() == 0
        ? this
        : create(key(), rowDigest(), attributeDigestsInternal(), runNumber(), 0, state());
  }

  /** The same entry after one more run that could not write the key. */
  public SnapshotEntry withOneMoreFailure() {
    return create(
        key(), rowDigest(), attributeDigestsInternal(), runNumber(), failStreak() + 1, state());
  }

  /**
   * This entry, written under layout {@code from}, re-expressed in layout {@code to}: digests of
   * attributes present in both move to their new position, attributes new in {@code to} become
   * {@link RecordDigest#UNKNOWN_VALUE}, removed ones are dropped. When the layouts differ the row
   * digest becomes {@link RecordDigest#UNKNOWN_ROW}, since it covered other attributes.
   */
  public SnapshotEntry project(AttributeLayout from, AttributeLayout to) {
    if (from.equals(to)) {
      return this;
    }
    int[] projected = new int[to.size()];
    for (int i = 0; i < projected.length; i++) {
      String name = to.names().get(i);
      int old = from.indexOf(name);
      boolean sameType = old >= 0 && from.type(name) == to.type(name);
      projected[i] =
          sameType && old < attributeCount() ? attributeDigest(old) : RecordDigest.UNKNOWN_VALUE;
    }
    return create(key(), RecordDigest.UNKNOWN_ROW, projected, runNumber(), failStreak(), state());
  }
}
