package org.actitosync.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordMapper;
import org.actitosync.snapshot.SnapshotEntry;

/** Small shared fixtures: an orders-like layout and readable one-line renderings for PAssert. */
public final class Fixtures {
  private Fixtures() {}

  public static final AttributeLayout LAYOUT =
      AttributeLayout.of(
          Map.of(
              "orderId", AttributeType.STRING,
              "amount", AttributeType.NUMBER,
              "paid", AttributeType.BOOLEAN,
              "placedAt", AttributeType.TIMESTAMP));

  public static final RecordMapper MAPPER =
      new RecordMapper(
          LAYOUT,
          Map.of("orderId", "order_id", "amount", "amount", "paid", "paid", "placedAt", "placed_at"),
          "orderId");

  /** A mapped order row; {@code amount} may be any type the NUMBER attribute accepts. */
  public static MappedRecord order(String id, Object amount, Object paid) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("order_id", id);
    row.put("amount", amount);
    row.put("paid", paid);
    row.put("placed_at", "2024-05-01 10:00:00");
    return MAPPER.map(row);
  }

  /** "KIND key [changed attributes] rule". */
  public static String render(Classification c) {
    return c.kind()
        + " "
        + c.key()
        + (c.changedAttributes().isEmpty() ? "" : " " + c.changedAttributes())
        + (c.rule() == null ? "" : " " + c.rule());
  }

  public static String render(WriteOutcome o) {
    return o.status() + " " + o.change().kind() + " " + o.change().key();
  }

  /** "key owned|unowned fails=N run=N". */
  public static String render(SnapshotEntry e) {
    return e.key() + (e.owned() ? " owned" : " unowned") + " fails=" + e.failStreak() + " run=" + e.runNumber();
  }
}
