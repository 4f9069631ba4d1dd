package org.actitosync.coders;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.PackedClassifier;
import org.actitosync.classify.PackedRow;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotAvro;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.WriteOutcomes;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class CodersTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final SnapshotEntry ENTRY =
      SnapshotEntry.create("k é/=", -5L, new int[] {0, 1, -7, Integer.MAX_VALUE}, 300, 2, EntryState.FOREIGN);

  @Test
  void everyCoderRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(MappedRecordCoder.of(), order("k", "1.5", true));
    CoderProperties.coderDecodeEncodeEqual(MappedRecordCoder.of(), order(null, "x", null));
    CoderProperties.coderDecodeEncodeEqual(SnapshotEntryCoder.of(), ENTRY);
    Classifier classifier = new Classifier(SyncMode.MIRROR, DIGESTER, 3);
    SnapshotEntry owned = SnapshotEntry.written("k", DIGESTER.digest(order("k", 1, true)), 1);
    for (Classification c :
        List.of(
            classifier.classify("k", List.of(order("k", 2, true)), owned),
            classifier.classify("k", List.of(order("k", 1, true)), owned),
            classifier.classify("k", List.of(), owned),
            classifier.classify("k", List.of(order("k", 2, true), order("k", 3, true)), owned),
            classifier.classify("n", List.of(order("n", 2, null)), null))) {
      CoderProperties.coderDecodeEncodeEqual(ClassificationCoder.of(), c);
      if (c.kind().isChange()) {
        CoderProperties.coderDecodeEncodeEqual(
            WriteOutcomeCoder.of(), WriteOutcomes.outcome(c, OutcomeStatus.REJECTED));
      }
    }
  }

  @Test
  void layoutCoderRoundTripsEveryRecordAndDropsTheNames() throws Exception {
    LayoutRecordCoder coder = LayoutRecordCoder.of(LAYOUT);
    MappedRecord outside =
        MappedRecord.create("k", Map.of("amount", "1", "zzNotInLayout", "x"), Map.of());
    MappedRecord invalid =
        MappedRecord.create("k", Map.of("orderId", "k"), Map.of("amount", "not a number: abc"));
    for (MappedRecord record :
        List.of(order("k", "1.5", true), order(null, "x", null), order("k", null, null), outside, invalid)) {
      CoderProperties.coderDecodeEncodeEqual(coder, record);
      CoderProperties.coderDeterministic(coder, record, MappedRecord.create(record.key(), record.values(), record.invalid()));
    }
    MappedRecord row = order("ORD-1", "12.50", true);
    int positional = CoderUtils.encodeToByteArray(coder, row).length;
    int named = CoderUtils.encodeToByteArray(MappedRecordCoder.of(), row).length;
    assertTrue(positional * 3 < named * 2, positional + " bytes against " + named);
    CoderProperties.coderSerializable(coder);
    assertEquals(coder, LayoutRecordCoder.of(LAYOUT));
  }

  @Test
  void theLayoutCodersBytesFromUtf8AreItsStreamsBytesAndDigestTheSame() throws Exception {
    LayoutRecordCoder coder = LayoutRecordCoder.of(LAYOUT);
    String longValue = "é".repeat(200); // a value whose length takes two varint bytes
    List<MappedRecord> records = List.of(
        order("k", "1.5", true), order("k", null, null), order(null, "x", null), order("", "", ""),
        order("customer-0é中😀", longValue, false),
        MappedRecord.create("k", Map.of("amount", "1", "zzNotInLayout", "x"), Map.of()),
        MappedRecord.create("k", Map.of("orderId", "k"), Map.of("amount", "not a number: abc")),
        MappedRecord.create("k", new TreeMap<>(Map.of("orderId", "k")), new TreeMap<>(),
            new TreeMap<>(Map.of("email", "a@example.com"))));
    for (MappedRecord record : records) {
      String[] positioned = LAYOUT.positions(record.values());
      byte[][] utf8 = RecordDigester.utf8(positioned);
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      coder.encodeWithoutKey(record, stream);
      assertArrayEquals(stream.toByteArray(), coder.encodeWithoutKey(record, positioned, utf8), record.toString());
      assertEquals(DIGESTER.digest(record).row(), DIGESTER.rowDigest(utf8), record.toString());
    }
  }

  @Test
  void anUnchangedKeysEntryIsEncodedOnce() throws Exception {
    Classifier classifier = new Classifier(SyncMode.MIRROR, DIGESTER, 3);
    SnapshotEntry owned = SnapshotEntry.written("k", DIGESTER.digest(order("k", 1, true)), 1);
    Classification unchanged = classifier.classify("k", List.of(order("k", 1, true)), owned);
    Classification changed = classifier.classify("k", List.of(order("k", 2, true)), owned);
    assertEquals(unchanged.previousEntry(), unchanged.nextEntry());
    int entryBytes = CoderUtils.encodeToByteArray(SnapshotEntryCoder.of(), owned).length;
    int unchangedBytes = CoderUtils.encodeToByteArray(ClassificationCoder.of(), unchanged).length;
    int changedBytes = CoderUtils.encodeToByteArray(ClassificationCoder.of(), changed).length;
    assertTrue(unchangedBytes < 2 * entryBytes, unchangedBytes + " bytes, an entry " + entryBytes);
    assertEquals(unchanged, CoderUtils.decodeFromByteArray(ClassificationCoder.of(),
        CoderUtils.encodeToByteArray(ClassificationCoder.of(), unchanged)));
    assertTrue(changedBytes > unchangedBytes);
  }

  @Test
  void packedRowCoderRoundTripsAndCarriesTheRecordWithoutItsKey() throws Exception {
    PackedClassifier packer = new PackedClassifier(new Classifier(SyncMode.MIRROR, DIGESTER, 3));
    PackedRowCoder coder = PackedRowCoder.of();
    MappedRecord invalid =
        MappedRecord.create("k", Map.of("orderId", "k"), Map.of("amount", "not a number: abc"));
    for (MappedRecord record : List.of(order("ORD-1", "12.50", true), order(null, "x", null), invalid)) {
      PackedRow row = packer.pack(record);
      CoderProperties.coderDecodeEncodeEqual(coder, row);
      CoderProperties.coderDeterministic(coder, row, packer.pack(
          MappedRecord.create(record.key(), record.values(), record.invalid())));
      PackedRow back = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, row));
      assertEquals(record, packer.unpack(record.key() == null ? "" : record.key(), back));
    }
    assertEquals(PackedRow.create(-3L, false, new byte[] {1, 2}), PackedRow.create(-3L, false, new byte[] {1, 2}));
    MappedRecord row = order("ORD-1", "12.50", true);
    int packed = CoderUtils.encodeToByteArray(coder, packer.pack(row)).length;
    int layout = CoderUtils.encodeToByteArray(LayoutRecordCoder.of(LAYOUT), row).length;
    // the record less its key (1 + 1 + 5 bytes), plus the row digest (8), the flag (1), the length (1)
    assertEquals(layout - 7 + 10, packed);
    coder.verifyDeterministic();
    CoderProperties.coderSerializable(coder);
  }

  @Test
  void avroFormRoundTrips() {
    org.junit.jupiter.api.Assertions.assertEquals(ENTRY, SnapshotAvro.fromAvro(SnapshotAvro.toAvro(ENTRY)));
  }
}
