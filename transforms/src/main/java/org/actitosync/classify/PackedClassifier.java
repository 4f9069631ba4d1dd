package org.actitosync.classify;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.coders.LayoutRecordCoder;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigest;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.SnapshotEntry;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link Classifier} over {@link PackedRow}s: packs a source row once, before the join, and
 * classifies a key from its packed rows, deciding an unchanged key from the digests alone ({@link
 * #unchangedByDigest}) and decoding the rows only for the other keys, which {@link
 * Classifier#classify} then classifies as ever.
 *
 * <p>Guarantee: {@link #classify} returns {@link Classifier#classify} of the unpacked rows, field by
 * field, barring a 64-bit hash collision. The shortcut compares only the 64-bit row digests, where
 * the classifier also compares the 32-bit attribute digests. A snapshot entry's known row digest and
 * its attribute digests always come from one {@link RecordDigest} of the current layout ({@link
 * SnapshotEntry#written}, the classifier's re-stamp of an unchanged key; {@link
 * SnapshotEntry#project} makes the row digest unknown when the layout changes, and the shortcut
 * then does not apply). So equal row digests mean equal canonical records, hence equal attribute
 * digests and the same next entry (the previous one with no failure), unless two different records
 * of one key have the same low 64 bits of MurmurHash3-128: about 2^-64 (5.4e-20) per changed key,
 * which would be classified UNCHANGED instead of UPDATE (or SKIPPED in INSERT mode).
 */
public final class PackedClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Classifier classifier;
  private final LayoutRecordCoder coder;

  public PackedClassifier(Classifier classifier) {
    this.classifier = classifier;
    this.coder = LayoutRecordCoder.of(classifier.layout());
  }

  /** {@code record} packed: its row digest, whether it is valid, the record without its key. */
  public PackedRow pack(MappedRecord record) {
    String[] positioned = classifier.layout().positions(record.values()); // matched once, used twice
    byte[][] utf8 = RecordDigester.utf8(positioned); // encoded once, digested and written
    byte[] bytes;
    try {
      bytes = coder.encodeWithoutKey(record, positioned, utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return PackedRow.create(classifier.digester().rowDigest(utf8), record.isValid(), bytes);
  }

  /**
   * The record {@code row} packed, as the record of {@code key} (the join's key: empty for a row
   * whose key was null).
   */
  public MappedRecord unpack(String key, PackedRow row) {
    try {
      return coder.decodeWithKey(key.isEmpty() ? null : key, row.recordStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The classification of {@code key}: {@link Classifier#classify} of the unpacked rows. */
  public Classification classify(
      String key, List<PackedRow> rows, @Nullable SnapshotEntry previous) {
    if (unchangedByDigest(key, rows, previous)) {
      return Classifier.unchanged(key, previous, previous.withFailuresCleared());
    }
    List<MappedRecord> records = new ArrayList<>(rows.size());
    for (PackedRow row : rows) {
      records.add(unpack(key, row));
    }
    return classifier.classify(key, records, previous);
  }

  /**
   * Whether {@code key} is UNCHANGED by the digests alone, without decoding a row: one valid row of
   * an addressable key whose owned previous entry has the same known row digest and a known digest
   * for every attribute of the layout, outside a full resync. Under every {@link SyncMode} the
   * classifier makes such a key UNCHANGED.
   */
  public boolean unchangedByDigest(
      String key, List<PackedRow> rows, @Nullable SnapshotEntry previous) {
    if (rows.size() != 1
        || key.isEmpty()
        || Classifier.unaddressable(key)
        || previous == null
        || !previous.owned()
        || classifier.fullResync()) {
      return false;
    }
    PackedRow row = rows.get(0);
    if (!row.valid()
        || previous.rowDigest() == RecordDigest.UNKNOWN_ROW
        || previous.rowDigest() != row.rowDigest()
        || previous.attributeCount() != classifier.layout().size()) {
      return false;
    }
    for (int i = 0; i < previous.attributeCount(); i++) {
      if (previous.attributeDigest(i) == RecordDigest.UNKNOWN_VALUE) {
        return false;
      }
    }
    return true;
  }
}
