package org.actitosync.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigest;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Classifies one key from its current source rows and its previous snapshot entry, under one sync
 * mode: a pure, deterministic function (design.md sections 2 and 3).
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Rows with a null or empty key: REJECTED ({@link Rules#NULL_KEY}).
 *   <li>Rows whose (canonical) key is {@code .} or {@code ..}, or such a key gone from the source
 *       that MIRROR would delete: REJECTED ({@link Rules#UNADDRESSABLE_KEY}) before any call, since
 *       no URL path segment can name it; the previous entry is kept (so the key is never deleted
 *       because of it).
 *   <li>Several rows for one key: REJECTED ({@link Rules#DUPLICATE_KEY}); none is sent, the
 *       previous entry is kept (so the key is never deleted because of it).
 *   <li>One row with an invalid value: REJECTED ({@link Rules#INVALID_VALUE}), previous entry kept.
 *   <li>One valid row, key without a record of ours (no entry, or one not {@link EntryState#OWNED}):
 *       INSERT of every attribute in UPSERT/MIRROR, and in INSERT mode unless Actito already had a
 *       record someone else created ({@link EntryState#FOREIGN}: UNCHANGED, or SKIPPED when the
 *       row changed — never modified); in UPDATE mode an UPDATE of every attribute (applied only if
 *       the record exists), except an {@link EntryState#ABSENT} key whose row did not change:
 *       UNCHANGED, not retried until it changes.
 *   <li>One valid row, owned entry: UNCHANGED if no attribute digest changed; otherwise SKIPPED
 *       ({@link Rules#INSERT_IGNORES_CHANGES}) in INSERT mode, else UPDATE of the changed
 *       attributes.
 *   <li>No row, owned entry: DELETE in MIRROR, else SKIPPED ({@link Rules#MODE_KEEPS_GONE_KEYS}).
 *       No row, unowned entry: SKIPPED ({@link Rules#GONE_NEVER_WRITTEN}), entry dropped.
 * </ol>
 *
 * <p>Every change carries the previous entry and the entry the snapshot takes if it is applied.
 */
public final class Classifier implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SyncMode mode;
  private final RecordDigester digester;
  private final int runNumber;
  private final boolean fullResync;

  public Classifier(SyncMode mode, RecordDigester digester, int runNumber) {
    this(mode, digester, runNumber, false);
  }

  /**
   * @param fullResync send every present key again, all attributes (the repair after someone
   *     changed Actito by hand): an owned key becomes an UPDATE of every attribute in the modes that
   *     update; deletes still come from the snapshot. INSERT mode still never modifies a record.
   */
  public Classifier(SyncMode mode, RecordDigester digester, int runNumber, boolean fullResync) {
    this.mode = mode;
    this.digester = digester;
    this.runNumber = runNumber;
    this.fullResync = fullResync;
  }

  /** The attribute layout the records classified here are mapped to. */
  public org.actitosync.record.AttributeLayout layout() {
    return digester.layout();
  }

  public SyncMode mode() {
    return mode;
  }

  RecordDigester digester() {
    return digester;
  }

  boolean fullResync() {
    return fullResync;
  }

  public Classification classify(
      @Nullable String key, Iterable<MappedRecord> rows, @Nullable SnapshotEntry previous) {
    List<MappedRecord> current = new ArrayList<>();
    rows.forEach(current::add);
    String k = key == null ? "" : key;
    if (k.isEmpty()) {
      return rejected(k, current, null, Rules.NULL_KEY, "the key is null or empty");
    }
    if (unaddressable(k) && (!current.isEmpty() || deletes(previous))) {
      return rejected(
          k, current, previous, Rules.UNADDRESSABLE_KEY,
          "key '" + k + "' cannot be addressed in a URL path segment ('.' and '..' are path steps);"
              + " use another key value in the source");
    }
    if (current.size() > 1) {
      return rejected(
          k, current, previous, Rules.DUPLICATE_KEY, current.size() + " source rows share this key");
    }
    if (current.isEmpty()) {
      return gone(k, previous);
    }
    MappedRecord record = current.get(0);
    if (!record.isValid()) {
      return rejected(k, current, previous, Rules.INVALID_VALUE, describe(record.invalid()));
    }
    return present(k, record, previous);
  }

  /** Whether {@code key} cannot be a URL path segment: {@code .} and {@code ..}. */
  static boolean unaddressable(String key) {
    return key.equals(".") || key.equals("..");
  }

  /** Whether a key gone from the source with this entry is a DELETE. */
  private boolean deletes(@Nullable SnapshotEntry previous) {
    return previous != null && previous.owned() && mode.deletes();
  }

  private Classification present(String key, MappedRecord record, @Nullable SnapshotEntry previous) {
    RecordDigest digest = digester.digest(record);
    SnapshotEntry written = SnapshotEntry.written(key, digest, runNumber);
    List<String> changed = previous == null ? null : changedAttributes(previous, digest);
    if (previous == null || !previous.owned()) {
      return notOwned(key, record, previous, digest, written, changed);
    }
    if (fullResync && mode.updatesExisting()) {
      return change(key, ChangeKind.UPDATE, record, digester.layout().names(), previous, written);
    }
    if (changed.isEmpty()) {
      return unchanged(key, previous, remembered(previous, digest));
    }
    if (!mode.updatesExisting()) {
      return Classification.builder(key, ChangeKind.SKIPPED)
          .setRule(Rules.INSERT_IGNORES_CHANGES)
          .setReason("INSERT mode never modifies an existing record; changed: " + changed)
          .changedAttributes(changed)
          .setPreviousEntry(previous)
          .setNextEntry(previous)
          .build();
    }
    return change(key, ChangeKind.UPDATE, record, changed, previous, written);
  }

  /** A valid row whose key has no record of ours in Actito (see the class rules). */
  private Classification notOwned(
      String key,
      MappedRecord record,
      @Nullable SnapshotEntry previous,
      RecordDigest digest,
      SnapshotEntry written,
      @Nullable List<String> changed) {
    EntryState state = previous == null ? EntryState.PENDING : previous.state();
    boolean same = changed != null && changed.isEmpty();
    List<String> all = digester.layout().names();
    switch (mode) {
      case INSERT:
        if (state == EntryState.FOREIGN) {
          return same
              ? unchanged(key, previous, remembered(previous, digest))
              : Classification.builder(key, ChangeKind.SKIPPED)
                  .setRule(Rules.INSERT_IGNORES_CHANGES)
                  .setReason("INSERT mode never modifies a record it did not create")
                  .changedAttributes(changed)
                  .setPreviousEntry(previous)
                  .setNextEntry(previous)
                  .build();
        }
        return change(key, ChangeKind.INSERT, record, all, previous, written);
      case UPDATE:
        if (state == EntryState.ABSENT && same) {
          return unchanged(key, previous, remembered(previous, digest));
        }
        return change(key, ChangeKind.UPDATE, record, all, previous, written);
      default:
        return change(key, ChangeKind.INSERT, record, all, previous, written);
    }
  }

  private Classification gone(String key, @Nullable SnapshotEntry previous) {
    if (previous == null) {
      throw new IllegalArgumentException("key " + key + " has neither rows nor a snapshot entry");
    }
    if (!previous.owned()) {
      return Classification.builder(key, ChangeKind.SKIPPED)
          .setRule(Rules.GONE_NEVER_WRITTEN)
          .setReason("gone from the source and never written by this activation; not deleted")
          .setPreviousEntry(previous)
          .build();
    }
    if (deletes(previous)) {
      return Classification.builder(key, ChangeKind.DELETE)
          .setSemantics(WriteSemantics.DELETE)
          .setPreviousEntry(previous)
          .build();
    }
    return Classification.builder(key, ChangeKind.SKIPPED)
        .setRule(Rules.MODE_KEEPS_GONE_KEYS)
        .setReason(mode + " mode never deletes; the key is gone from the source")
        .setPreviousEntry(previous)
        .setNextEntry(previous)
        .build();
  }

  private Classification change(
      String key,
      ChangeKind kind,
      MappedRecord record,
      List<String> attributes,
      @Nullable SnapshotEntry previous,
      SnapshotEntry next) {
    return Classification.builder(key, kind)
        .setSemantics(mode.writeSemantics())
        .changedAttributes(attributes)
        .values(record.values())
        .profileValues(record.profileValues())
        .setPreviousEntry(previous)
        .setNextEntry(next)
        .build();
  }

  static Classification unchanged(String key, SnapshotEntry previous, SnapshotEntry next) {
    return Classification.builder(key, ChangeKind.UNCHANGED)
        .setPreviousEntry(previous)
        .setNextEntry(next)
        .build();
  }

  private Classification rejected(
      String key,
      List<MappedRecord> rows,
      @Nullable SnapshotEntry previous,
      String rule,
      String reason) {
    SnapshotEntry next = null;
    if (!key.isEmpty()) {
      next =
          previous != null
              ? previous.withOneMoreFailure()
              : SnapshotEntry.unknown(key, digester.layout().size(), runNumber, 1);
    }
    return Classification.builder(key, ChangeKind.REJECTED)
        .setRule(rule)
        .setReason(reason)
        .rejectedRows(rows)
        .setPreviousEntry(previous)
        .setNextEntry(next)
        .build();
  }

  /**
   * Attributes whose digest differs from (or is unknown in) the previous entry. If the row digest
   * is known and differs while no attribute digest does (a 32-bit collision), every attribute is
   * reported changed, so a change is never lost.
   */
  private List<String> changedAttributes(SnapshotEntry previous, RecordDigest digest) {
    List<String> names = digester.layout().names();
    int[] current = digest.attributes();
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < current.length; i++) {
      int before = i < previous.attributeCount() ? previous.attributeDigest(i) : RecordDigest.UNKNOWN_VALUE;
      if (before == RecordDigest.UNKNOWN_VALUE || before != current[i]) {
        changed.add(names.get(i));
      }
    }
    if (changed.isEmpty()
        && previous.rowDigest() != RecordDigest.UNKNOWN_ROW
        && previous.rowDigest() != digest.row()) {
      return new ArrayList<>(names);
    }
    return changed;
  }

  /** The previous entry re-stamped with the current digests (fills an unknown row digest). */
  private static SnapshotEntry remembered(SnapshotEntry previous, RecordDigest digest) {
    return SnapshotEntry.create(
        previous.key(),
        digest.row(),
        digest.attributes(),
        previous.runNumber(),
        0,
        previous.state());
  }

  private static String describe(Map<String, String> invalid) {
    StringBuilder sb = new StringBuilder();
    invalid.forEach(
        (attribute, why) -> sb.append(sb.length() == 0 ? "" : "; ").append(attribute).append(": ").append(why));
    return sb.toString();
  }
}
