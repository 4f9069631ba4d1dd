package org.actitosync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PositionalValuesTest {
  private static final AttributeLayout LAYOUT =
      AttributeLayout.of(
          Map.of("b", AttributeType.STRING, "d", AttributeType.NUMBER, "f", AttributeType.BOOLEAN, "é", AttributeType.STRING));

  @Test
  void isTheSortedMapOfItsPresentValuesForEveryMixOfPresentAndAbsent() {
    Random random = new Random(7);
    String[] probes = {"", "a", "b", "c", "d", "e", "f", "g", "é", "B", "z"};
    for (int n = 0; n < 500; n++) {
      String[] values = new String[LAYOUT.size()];
      TreeMap<String, String> expected = new TreeMap<>();
      for (int i = 0; i < values.length; i++) {
        if (random.nextBoolean()) {
          values[i] = random.nextInt(3) == 0 ? "" : "v" + n + "-" + i;
          expected.put(LAYOUT.names().get(i), values[i]);
        }
      }
      PositionalValues map = PositionalValues.of(LAYOUT, values);
      String what = expected.toString();
      assertEquals(expected, map, what);
      assertEquals(map, expected, what);
      assertEquals(expected.hashCode(), map.hashCode(), what);
      assertEquals(expected.toString(), map.toString(), what);
      assertEquals(expected.size(), map.size(), what);
      assertEquals(expected.isEmpty(), map.isEmpty(), what);
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()), what);
      assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(map.values()), what);
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(map.entrySet()), what);
      for (String probe : probes) {
        assertEquals(expected.get(probe), map.get(probe), what + " " + probe);
        assertEquals(expected.containsKey(probe), map.containsKey(probe), what + " " + probe);
        assertEquals(expected.headMap(probe), map.headMap(probe), what + " " + probe);
        assertEquals(expected.tailMap(probe), map.tailMap(probe), what + " " + probe);
        assertEquals(expected.subMap("c", probe.compareTo("c") < 0 ? "c" : probe), map.subMap("c", probe.compareTo("c") < 0 ? "c" : probe));
      }
      if (expected.isEmpty()) {
        assertThrows(NoSuchElementException.class, map::firstKey);
        assertThrows(NoSuchElementException.class, map::lastKey);
      } else {
        assertEquals(expected.firstKey(), map.firstKey(), what);
        assertEquals(expected.lastKey(), map.lastKey(), what);
      }
    }
  }

  @Test
  void aLookupOfANonStringOrNullNameFindsNothing() {
    PositionalValues map = PositionalValues.of(LAYOUT, new String[] {"1", "2", "3", "4"});
    assertNull(map.get(7));
    assertFalse(map.containsKey(null));
    assertNull(map.get(null));
    assertNull(map.comparator());
  }

  @Test
  void cannotBeChangedNorChangedThroughTheArrayItWasMadeFrom() {
    String[] values = {"1", null, "3", "4"};
    PositionalValues map = PositionalValues.of(LAYOUT, values);
    values[1] = "changed";
    values[0] = null;
    assertEquals(new TreeMap<>(Map.of("b", "1", "f", "3", "é", "4")), map);
    assertThrows(UnsupportedOperationException.class, () -> map.put("d", "2"));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("b"));
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertThrows(UnsupportedOperationException.class, () -> map.putAll(Map.of("d", "2")));
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().remove("b"));
    assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue("x"));
    assertThrows(UnsupportedOperationException.class, () -> map.headMap("z").put("a", "1"));
    String[] copy = LAYOUT.positions(map);
    copy[0] = "changed";
    assertEquals("1", map.get("b"));
    assertEquals(3, map.size());
  }

  @Test
  void anIteratorPastTheEndThrows() {
    var iterator = PositionalValues.of(LAYOUT, new String[] {null, null, null, "4"}).entrySet().iterator();
    iterator.next();
    assertFalse(iterator.hasNext());
    assertThrows(NoSuchElementException.class, iterator::next);
  }

  @Test
  void needsOneSlotPerAttribute() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PositionalValues.of(LAYOUT, new String[] {"1"}));
    assertEquals("1 values for the 4 attributes of [b, d, f, é]", e.getMessage());
  }

  @Test
  void survivesJavaSerialisationAsAnEqualMap() throws Exception {
    PositionalValues map = PositionalValues.of(LAYOUT, new String[] {"1", null, "", "4"});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(map);
    }
    Object copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }
    assertEquals(map, copy);
    assertEquals(LAYOUT, ((PositionalValues) copy).layout());
  }

  @Test
  void aRecordMappedFromARowHoldsItsValuesByPositionAndEqualsTheRecordOfMaps() {
    RecordMapper mapper =
        new RecordMapper(LAYOUT, Map.of("b", "B", "d", "D", "f", "F", "é", "E"), "b");
    MappedRecord mapped = mapper.map(Map.of("B", "k1", "D", "12.50", "F", "yes-not-a-boolean"));
    assertTrue(mapped.values() instanceof PositionalValues, mapped.values().getClass().getName());
    MappedRecord ofMaps =
        MappedRecord.create("k1", Map.of("b", "k1", "d", "12.5"), Map.of("f", mapped.invalid().get("f")));
    assertEquals(ofMaps, mapped);
    assertEquals(mapped, ofMaps);
    assertEquals(ofMaps.hashCode(), mapped.hashCode());
    SortedMap<String, String> kept = MappedRecord.create("k1", mapped.values(), Map.of()).values();
    assertTrue(kept == mapped.values(), "an immutable positional map is kept, not copied");
    List<String> names = new ArrayList<>(mapped.values().keySet());
    assertEquals(List.of("b", "d"), names);
  }
}
