package org.actitosync.record;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.coders.LayoutRecordCoder;
import org.actitosync.coders.MappedRecordCoder;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/**
 * Profile-only columns: read from the segment, canonicalised, carried with the change, but never a
 * custom-table attribute (not digested, so a change in them alone is no change at all).
 */
class ProfileColumnsTest {
  private static final Map<String, String> COLUMNS =
      Map.of("orderId", "order_id", "amount", "amount", "paid", "paid", "placedAt", "placed_at");
  private static final ProfileColumns PROFILE = ProfileColumns.of(
      Map.of("emailAddress", "mail", "birthDate", "born"),
      Map.of("emailAddress", AttributeType.STRING, "birthDate", AttributeType.DATE));
  private static final RecordMapper MAPPER = new RecordMapper(LAYOUT, COLUMNS, "orderId", PROFILE);
  private static final RecordMapper PLAIN = new RecordMapper(LAYOUT, COLUMNS, "orderId");
  private static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);

  private static Map<String, Object> row(String mail, Object born) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("order_id", "O-1");
    row.put("amount", "12.5");
    row.put("paid", true);
    row.put("placed_at", "2024-05-01 10:00:00");
    row.put("mail", mail);
    row.put("born", born);
    return row;
  }

  @Test
  void profileValuesAreCanonicalAndOutsideTheRecordsValues() {
    MappedRecord record = MAPPER.map(row("ann@example.com", "1990-02-03"));
    assertEquals(Map.of("emailAddress", "ann@example.com", "birthDate", "1990-02-03"), record.profileValues());
    assertFalse(record.values().containsKey("emailAddress"));
    assertEquals(PLAIN.map(row("ann@example.com", "1990-02-03")).values(), record.values());
    assertTrue(PLAIN.map(row("x", null)).profileValues().isEmpty());
    assertTrue(MAPPER.map(row(null, null)).profileValues().isEmpty());
  }

  @Test
  void anInvalidProfileValueRejectsTheRowWithItsName() {
    MappedRecord record = MAPPER.map(row("ann@example.com", "not a date"));
    assertFalse(record.isValid());
    assertTrue(record.invalid().containsKey("profile:birthDate"), record.invalid().toString());
  }

  @Test
  void aChangeInAProfileOnlyColumnAloneIsNoChange() {
    MappedRecord before = MAPPER.map(row("ann@example.com", null));
    MappedRecord after = MAPPER.map(row("ann.new@example.com", "1990-02-03"));
    assertEquals(DIGESTER.digest(before), DIGESTER.digest(after));
    SnapshotEntry owned = SnapshotEntry.written("O-1", DIGESTER.digest(before), 1);
    Classifier classifier = new Classifier(SyncMode.UPSERT, DIGESTER, 2);
    assertEquals(ChangeKind.UNCHANGED, classifier.classify("O-1", List.of(after), owned).kind());
    Classification insert = classifier.classify("O-1", List.of(after), null);
    assertEquals(ChangeKind.INSERT, insert.kind());
    assertEquals(after.profileValues(), insert.profileValues());
    assertFalse(insert.changedAttributes().contains("emailAddress"));
  }

  @Test
  void codersCarryProfileValuesAndCostNothingWithoutThem() throws Exception {
    MappedRecord with = MAPPER.map(row("ann@example.com", "1990-02-03"));
    MappedRecord without = PLAIN.map(row("ann@example.com", "1990-02-03"));
    MappedRecord outside = MappedRecord.create("k", Map.of("amount", "1", "zz", "x"), Map.of(),
        Map.of("emailAddress", "a@b.c"));
    LayoutRecordCoder layout = LayoutRecordCoder.of(LAYOUT);
    for (MappedRecord record : List.of(with, without, outside)) {
      CoderProperties.coderDecodeEncodeEqual(layout, record);
      CoderProperties.coderDecodeEncodeEqual(MappedRecordCoder.of(), record);
    }
    Classification insert =
        new Classifier(SyncMode.UPSERT, DIGESTER, 1).classify("O-1", List.of(with), null);
    CoderProperties.coderDecodeEncodeEqual(ClassificationCoder.of(), insert);
    assertEquals(with.profileValues(), CoderUtils.clone(ClassificationCoder.of(), insert).profileValues());

    // no profile-only column: exactly the bytes of the record without them
    MappedRecord plain = MappedRecord.create(without.key(), without.values(), without.invalid());
    assertEquals(CoderUtils.encodeToByteArray(layout, plain).length,
        CoderUtils.encodeToByteArray(layout, without).length);
    assertSame(ProfileColumns.none(), ProfileColumns.of(Map.of(), Map.of()));
  }
}
