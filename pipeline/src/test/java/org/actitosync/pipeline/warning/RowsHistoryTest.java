package org.actitosync.pipeline.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.snapshot.Manifest;
import org.junit.jupiter.api.Test;

class RowsHistoryTest {
  private static final AttributeLayout LAYOUT = AttributeLayout.of(Map.of("k", AttributeType.STRING));

  private static Manifest run(int number, Long rows) {
    return Manifest.of("a", "run-" + number, null, number, LAYOUT, rows == null ? Map.of() : Map.of("rows", rows));
  }

  @Test
  void averagesTheLastRunsThatRecordedTheirRows() {
    List<Manifest> newestFirst = List.of(run(5, 100L), run(4, null), run(3, 200L), run(2, 300L), run(1, 1000L));
    RowsHistory history = RowsHistory.of(newestFirst, 3);
    assertEquals(200.0, history.average().getAsDouble(), 1e-9);
    assertEquals(3, history.runs());
  }

  @Test
  void noHistoryGivesNoAverage() {
    assertFalse(RowsHistory.of(List.of(), 5).average().isPresent());
    assertFalse(RowsHistory.of(List.of(run(1, null)), 5).average().isPresent());
  }
}
