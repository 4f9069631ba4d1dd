package org.actitosync.classify;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.NextEntries;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.coders.Coder;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a key that is not sent reaches the next snapshot as the entry {@link Classify} emits
 * ({@link Classify#UNSENT_ENTRIES}: {@link NextEntries#forUnsent} of its classification, shipped with
 * {@link SnapshotEntryCoder}) instead of as its whole classification (shipped with {@link
 * ClassificationCoder}, then turned into its entry by the next-snapshot step, as before). Both paths
 * must give the same entry, field by field, for every kind and rule a key that is not sent can have.
 */
class UnsentEntriesTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final MappedRecord ROW = order("k", 10, true);
  static final MappedRecord CHANGED = order("k", 11, true);
  static final MappedRecord INVALID = order("k", "not a number", true);
  static final SnapshotEntry OWNED = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1);
  static final SnapshotEntry FAILING = OWNED.withOneMoreFailure().withOneMoreFailure();
  static final SnapshotEntry FOREIGN = OWNED.withState(EntryState.FOREIGN);
  static final SnapshotEntry ABSENT = OWNED.withState(EntryState.ABSENT);
  static final SnapshotEntry PENDING = SnapshotEntry.unknown("k", LAYOUT.size(), 1, 1);
  /** An entry whose row digest is unknown (e.g. after a mapping change): the unchanged key fills it. */
  static final SnapshotEntry NO_ROW_DIGEST =
      SnapshotEntry.create("k", org.actitosync.record.RecordDigest.UNKNOWN_ROW, OWNED.attributeDigests(), 1, 0,
          EntryState.OWNED);

  @Test
  void theEmittedEntryIsTheEntryTheNextSnapshotBuiltFromTheWholeClassification() throws IOException {
    Set<String> covered = new TreeSet<>();
    List<SnapshotEntry> previousEntries =
        Arrays.asList(null, OWNED, FAILING, FOREIGN, ABSENT, PENDING, NO_ROW_DIGEST);
    List<List<MappedRecord>> rowSets =
        List.of(List.of(), List.of(ROW), List.of(CHANGED), List.of(INVALID), List.of(ROW, CHANGED));
    for (SyncMode mode : SyncMode.values()) {
      Classifier classifier = new Classifier(mode, DIGESTER, 3);
      for (String key : List.of("k", "", "..")) {
        for (SnapshotEntry previous : previousEntries) {
          for (List<MappedRecord> rows : rowSets) {
            if (rows.isEmpty() && previous == null) {
              continue; // a key has rows or an entry
            }
            SnapshotEntry prev = previous == null || key.equals("k") ? previous : rekey(previous, key);
            Classification c = classifier.classify(key, rows, prev);
            if (c.kind().isChange()) {
              continue;
            }
            SnapshotEntry before = NextEntries.forUnsent(roundTrip(ClassificationCoder.of(), c));
            SnapshotEntry emitted = NextEntries.forUnsent(c);
            SnapshotEntry after = emitted == null ? null : roundTrip(SnapshotEntryCoder.of(), emitted);
            String where = mode + " key '" + key + "' " + c.kind() + " " + c.rule() + " previous " + prev;
            assertEquals(describe(before), describe(after), where);
            assertEquals(before, after, where);
            covered.add(c.kind() + (c.rule() == null ? "" : " " + c.rule()) + (after == null ? " (no entry)" : ""));
          }
        }
      }
    }
    assertEquals(
        new TreeSet<>(List.of(
            "UNCHANGED",
            "SKIPPED INSERT_IGNORES_CHANGES",
            "SKIPPED MODE_KEEPS_GONE_KEYS",
            "SKIPPED GONE_NEVER_WRITTEN (no entry)",
            "REJECTED NULL_KEY (no entry)",
            "REJECTED DUPLICATE_KEY",
            "REJECTED INVALID_VALUE",
            "REJECTED UNADDRESSABLE_KEY")),
        covered,
        "every kind and rule of a key that is not sent");
  }

  @Test
  void anUnchangedKeyKeepsItsRunNumberStateAndDigests() {
    Classification c = new Classifier(SyncMode.UPSERT, DIGESTER, 7).classify("k", List.of(ROW), NO_ROW_DIGEST);
    assertEquals(ChangeKind.UNCHANGED, c.kind());
    SnapshotEntry entry = NextEntries.forUnsent(c);
    assertNotNull(entry);
    assertEquals(1, entry.runNumber());
    assertEquals(EntryState.OWNED, entry.state());
    assertEquals(DIGESTER.digest(ROW).row(), entry.rowDigest(), "the unknown row digest is filled");
    assertEquals(Arrays.toString(OWNED.attributeDigests()), Arrays.toString(entry.attributeDigests()));
  }

  private static SnapshotEntry rekey(SnapshotEntry e, String key) {
    return SnapshotEntry.create(key, e.rowDigest(), e.attributeDigests(), e.runNumber(), e.failStreak(), e.state());
  }

  private static String describe(SnapshotEntry e) {
    if (e == null) {
      return "none";
    }
    List<Object> fields = new ArrayList<>(List.of(e.key(), e.rowDigest(), e.runNumber(), e.failStreak(), e.state()));
    fields.add(Arrays.toString(e.attributeDigests()));
    return fields.toString();
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(value, out);
    return coder.decode(new ByteArrayInputStream(out.toByteArray()));
  }
}
