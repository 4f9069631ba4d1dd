package org.actitosync.record;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A row given by position ({@link RecordMapper#map(Object[])}, the JDBC read's path) maps to the
 * record its columns by name map to ({@link RecordMapper#map(Map)}): the attributes in layout order,
 * one column feeding two attributes, the key, profile-only columns, nulls and invalid values.
 */
class RecordMapperTest {
  /** "paid" and "flag" both read column "paid"; the key column comes last in the mapping. */
  private static final AttributeLayout WITH_SHARED_COLUMN =
      AttributeLayout.of(
          Map.of("amount", AttributeType.NUMBER, "flag", AttributeType.BOOLEAN, "paid", AttributeType.BOOLEAN,
              "orderId", AttributeType.STRING));
  private static final Map<String, String> COLUMNS =
      Map.of("amount", "amount", "flag", "paid", "paid", "paid", "orderId", "order_id");
  private static final ProfileColumns PROFILE =
      ProfileColumns.of(
          Map.of("emailAddress", "mail", "birthDate", "born", "orderRef", "order_id"),
          Map.of("emailAddress", AttributeType.STRING, "birthDate", AttributeType.DATE, "orderRef", AttributeType.STRING));

  @Test
  void theColumnsAreTheAttributesInLayoutOrderThenTheProfileOnlyOnesWithoutRepeats() {
    RecordMapper mapper = new RecordMapper(WITH_SHARED_COLUMN, COLUMNS, "orderId", PROFILE);
    // layout order: amount, flag, orderId, paid; then profile attributes by name: birthDate, emailAddress
    assertEquals(List.of("amount", "paid", "order_id", "born", "mail"), mapper.columns());
    assertEquals(List.of("amount", "paid", "order_id"), new RecordMapper(WITH_SHARED_COLUMN, COLUMNS, "orderId").columns());
  }

  @Test
  void aRowByPositionMapsAsTheSameRowByName() {
    RecordMapper mapper = new RecordMapper(WITH_SHARED_COLUMN, COLUMNS, "orderId", PROFILE);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("O-1", "12.50", true, "ann@example.com", "1990-02-03"));
    rows.add(row("O-2", null, null, null, null));
    rows.add(row("O-3", "not a number", "maybe", "bob@example.com", "not a date"));
    rows.add(row(null, "1", false, null, null));
    rows.add(row("", "1", false, null, null));
    for (Map<String, Object> row : rows) {
      Object[] byPosition = mapper.columns().stream().map(row::get).toArray();
      assertEquals(mapper.map(row), mapper.map(byPosition), row.toString());
    }
    MappedRecord invalid = mapper.map(rows.get(2));
    assertEquals(List.of("amount", "flag", "paid", "profile:birthDate"), new ArrayList<>(invalid.invalid().keySet()));
    assertNull(mapper.map(rows.get(3)).key());
  }

  @Test
  void anInvalidKeyIsKeptShortenedFromItsSourceValue() {
    RecordMapper mapper = new RecordMapper(LAYOUT, Map.of("orderId", "id", "amount", "amount", "paid", "paid",
        "placedAt", "placed_at"), "placedAt");
    Object[] row = new Object[mapper.columns().size()];
    Arrays.fill(row, null);
    row[mapper.columns().indexOf("id")] = "O-1";
    row[mapper.columns().indexOf("placed_at")] = "yesterday";
    MappedRecord record = mapper.map(row);
    assertFalse(record.isValid());
    assertEquals("yesterday", record.key());
    Map<String, Object> byName = new HashMap<>();
    byName.put("id", "O-1");
    byName.put("placed_at", "yesterday");
    assertEquals(mapper.map(byName), record);
  }

  private static Map<String, Object> row(String orderId, Object amount, Object paid, String mail, Object born) {
    Map<String, Object> row = new HashMap<>();
    row.put("order_id", orderId);
    row.put("amount", amount);
    row.put("paid", paid);
    row.put("mail", mail);
    row.put("born", born);
    row.put("unmapped", "ignored");
    return row;
  }
}
