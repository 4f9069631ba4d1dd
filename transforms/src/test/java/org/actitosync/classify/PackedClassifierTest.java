package org.actitosync.classify;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.coders.PackedRowCoder;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigest;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: classifying a key from its packed rows ({@link PackedClassifier#classify}, the shortcut
 * by row digest or the unpacked rows) gives exactly {@link Classifier#classify} of the rows, for
 * every mode, previous entry, rows and full resync; and the shortcut is taken for an unchanged
 * owned key.
 */
class PackedClassifierTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final MappedRecord ROW = order("k", 10, true);
  static final SnapshotEntry OWNED = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1);

  @Test
  void thePackedClassificationIsTheClassificationOfTheRows() throws Exception {
    Set<String> kinds = new TreeSet<>();
    int shortcuts = 0;
    int cases = 0;
    for (String key : List.of("k", "", ".", "..")) {
      MappedRecord same = order(key, 10, true);
      List<SnapshotEntry> previousEntries = previousEntries(key, same);
      MappedRecord changed = order(key, 11, true);
      MappedRecord invalid = order(key, "not a number", true);
      // invalid, with the valid values (hence the row digest) of the owned entry's row
      MappedRecord invalidSameDigest =
          MappedRecord.create(same.key(), same.values(), Map.of("paid", "not a boolean"));
      List<List<MappedRecord>> rowSets =
          List.of(
              List.of(),
              List.of(same),
              List.of(changed),
              List.of(invalid),
              List.of(invalidSameDigest),
              List.of(same, same),
              List.of(same, changed));
      for (SyncMode mode : SyncMode.values()) {
        for (boolean fullResync : List.of(false, true)) {
          Classifier classifier = new Classifier(mode, DIGESTER, 3, fullResync);
          PackedClassifier packed = new PackedClassifier(classifier);
          for (SnapshotEntry previous : previousEntries) {
            for (List<MappedRecord> rows : rowSets) {
              if (rows.isEmpty() && previous == null) {
                continue; // a key has rows or an entry
              }
              SnapshotEntry prev = previous;
              List<PackedRow> packs = new ArrayList<>();
              for (MappedRecord row : rows) {
                packs.add(shuffled(packed.pack(row)));
              }
              String where = mode + (fullResync ? " fullResync" : "") + " key '" + key + "' previous "
                  + prev + " rows " + rows;
              Classification expected = classifier.classify(key, rows, prev);
              Classification actual = packed.classify(key, packs, prev);
              assertEquals(expected, actual, where);
              assertEquals(expected.nextEntry(), actual.nextEntry(), where);
              if (packed.unchangedByDigest(key, packs, prev)) {
                shortcuts++;
                assertEquals(ChangeKind.UNCHANGED, expected.kind(), where);
              }
              kinds.add(expected.kind() + (expected.rule() == null ? "" : " " + expected.rule()));
              cases++;
            }
          }
        }
      }
    }
    // the shortcut fires only for key k, one row, equal to its owned entry's (with or without failures), no full resync
    assertEquals(2 * SyncMode.values().length, shortcuts, cases + " cases, kinds " + kinds);
    assertTrue(kinds.containsAll(List.of("UNCHANGED", "INSERT", "UPDATE", "DELETE",
        "SKIPPED INSERT_IGNORES_CHANGES", "REJECTED NULL_KEY", "REJECTED DUPLICATE_KEY",
        "REJECTED INVALID_VALUE", "REJECTED UNADDRESSABLE_KEY")), kinds.toString());
  }

  @Test
  void theShortcutTakesAnUnchangedOwnedKeyInEveryModeAndResetsTheFailures() {
    SnapshotEntry failing = OWNED.withOneMoreFailure();
    for (SyncMode mode : SyncMode.values()) {
      PackedClassifier packed = new PackedClassifier(new Classifier(mode, DIGESTER, 3));
      List<PackedRow> rows = List.of(packed.pack(ROW));
      assertTrue(packed.unchangedByDigest("k", rows, failing), mode.toString());
      assertEquals(ChangeKind.UNCHANGED, packed.classify("k", rows, failing).kind());
      // the shortcut decodes nothing: a row whose record bytes cannot be decoded is classified alike
      PackedRow undecodable = PackedRow.create(OWNED.rowDigest(), true, new byte[0]);
      Classification c = packed.classify("k", List.of(undecodable), failing);
      assertEquals(ChangeKind.UNCHANGED, c.kind());
      assertEquals(failing, c.previousEntry());
      assertEquals(OWNED, c.nextEntry());
      assertFalse(packed.unchangedByDigest("k", List.of(packed.pack(order("k", 11, true))), OWNED));
      assertFalse(new PackedClassifier(new Classifier(mode, DIGESTER, 3, true))
          .unchangedByDigest("k", rows, OWNED), "full resync");
    }
  }

  @Test
  void aPackedRowUnpacksToItsRecord() {
    PackedClassifier packed = new PackedClassifier(new Classifier(SyncMode.MIRROR, DIGESTER, 3));
    MappedRecord outside = MappedRecord.create("k", Map.of("amount", "1", "zzNotInLayout", "x"), Map.of());
    MappedRecord invalid = MappedRecord.create("k", Map.of("orderId", "k"), Map.of("amount", "not a number"));
    MappedRecord profile = MappedRecord.create("k", Map.of("orderId", "k"), Map.of(), Map.of("email", "a@b.c"));
    for (MappedRecord record : List.of(ROW, order(null, 1, null), outside, invalid, profile)) {
      PackedRow row = packed.pack(record);
      assertEquals(record, packed.unpack(record.key() == null ? "" : record.key(), row));
      assertEquals(DIGESTER.digest(record).row(), row.rowDigest());
      assertEquals(record.isValid(), row.valid());
    }
  }

  /** Every kind of previous entry of {@code key}, whose row was {@code row} when it was known. */
  private static List<SnapshotEntry> previousEntries(String key, MappedRecord row) {
    SnapshotEntry owned = SnapshotEntry.written(key, DIGESTER.digest(row), 1);
    int[] oneUnknown = owned.attributeDigests();
    oneUnknown[1] = RecordDigest.UNKNOWN_VALUE;
    AttributeLayout smaller = AttributeLayout.of(Map.of("orderId", AttributeType.STRING));
    return Arrays.asList(
        null,
        owned,
        owned.withOneMoreFailure().withOneMoreFailure(),
        owned.withState(EntryState.FOREIGN),
        owned.withState(EntryState.ABSENT),
        owned.withState(EntryState.PENDING),
        SnapshotEntry.unknown(key, LAYOUT.size(), 1, 1),
        owned(key, RecordDigest.UNKNOWN_ROW, owned.attributeDigests()),
        owned(key, owned.rowDigest(), oneUnknown),
        owned(key, owned.rowDigest(), Arrays.copyOf(owned.attributeDigests(), LAYOUT.size() - 1)),
        owned(key, owned.rowDigest(), Arrays.copyOf(owned.attributeDigests(), LAYOUT.size() + 1)),
        owned.project(LAYOUT, smaller).project(smaller, LAYOUT));
  }

  private static PackedRow shuffled(PackedRow row) throws Exception {
    return CoderUtils.decodeFromByteArray(
        PackedRowCoder.of(), CoderUtils.encodeToByteArray(PackedRowCoder.of(), row));
  }

  private static SnapshotEntry owned(String key, long row, int[] digests) {
    return SnapshotEntry.create(key, row, digests, 1, 0, EntryState.OWNED);
  }
}
