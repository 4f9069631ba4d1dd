package org.actitosync.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AttributeLayoutTest {
  private static final AttributeLayout LAYOUT =
      AttributeLayout.of(Map.of("b", AttributeType.STRING, "d", AttributeType.NUMBER, "f", AttributeType.BOOLEAN));

  @Test
  void positionsPutEachValueAtItsAttributesPositionAndLeaveOutOtherNames() {
    Map<String, String> values = new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3", "f", "4", "g", "5"));
    assertArrayEquals(new String[] {"2", null, "4"}, LAYOUT.positions(values));
    assertArrayEquals(new String[] {null, null, null}, LAYOUT.positions(Collections.emptySortedMap()));
    assertArrayEquals(new String[] {null, null, null}, LAYOUT.positions(new TreeMap<>(Map.of("z", "9"))));
  }

  @Test
  void positionsAreTheSameWhateverTheMapsOrder() {
    Random random = new Random(5);
    String[] names = {"", "a", "b", "c", "d", "e", "f", "g", "é", "B"};
    for (int n = 0; n < 2000; n++) {
      Map<String, String> values = new HashMap<>();
      for (String name : names) {
        if (random.nextBoolean()) {
          values.put(name, name + n);
        }
      }
      String[] expected = new String[LAYOUT.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = values.get(LAYOUT.names().get(i));
      }
      TreeMap<String, String> reversed = new TreeMap<>(Collections.reverseOrder());
      reversed.putAll(values);
      assertArrayEquals(expected, LAYOUT.positions(values), values.toString());
      assertArrayEquals(expected, LAYOUT.positions(new TreeMap<>(values)), values.toString());
      assertArrayEquals(expected, LAYOUT.positions(reversed), values.toString());
      assertArrayEquals(expected, LAYOUT.positions(MappedRecord.of("k", values).values()), values.toString());
    }
  }

  @Test
  void positionsOfPositionalValuesAreACopyForAnEqualLayoutAndMatchedByNameForAnother() {
    AttributeLayout equal =
        AttributeLayout.of(new HashMap<>(Map.of("f", AttributeType.BOOLEAN, "d", AttributeType.NUMBER, "b", AttributeType.STRING)));
    PositionalValues values = PositionalValues.of(equal, new String[] {"2", null, "4"});
    String[] positioned = LAYOUT.positions(values);
    assertArrayEquals(new String[] {"2", null, "4"}, positioned);
    positioned[1] = "changed";
    assertArrayEquals(new String[] {"2", null, "4"}, LAYOUT.positions(values));
    AttributeLayout other = AttributeLayout.of(Map.of("a", AttributeType.STRING, "b", AttributeType.STRING, "f", AttributeType.STRING));
    assertNotEquals(LAYOUT, other);
    assertNotEquals(LAYOUT, AttributeLayout.of(Map.of("b", AttributeType.STRING, "d", AttributeType.STRING, "f", AttributeType.BOOLEAN)));
    assertArrayEquals(new String[] {"2", null, "4"}, LAYOUT.positions(PositionalValues.of(other, new String[] {"1", "2", "4"})));
  }

  @Test
  void typeByPositionIsTheTypeByName() {
    for (int i = 0; i < LAYOUT.size(); i++) {
      assertEquals(LAYOUT.type(LAYOUT.names().get(i)), LAYOUT.type(i));
    }
  }
}
