package org.actitosync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordDigesterTest {
  static final AttributeLayout LAYOUT =
      AttributeLayout.of(
          Map.of(
              "id", AttributeType.STRING,
              "n", AttributeType.NUMBER,
              "ok", AttributeType.BOOLEAN,
              "at", AttributeType.TIMESTAMP,
              "name", AttributeType.STRING));
  static final RecordMapper MAPPER =
      new RecordMapper(LAYOUT, Map.of("id", "id", "n", "n", "ok", "ok", "at", "at", "name", "name"), "id");
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);

  static RecordDigest digest(Object... columnsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return DIGESTER.digest(MAPPER.map(row));
  }

  @Test
  void theRowDigestAloneIsTheDigestsRow() {
    Random random = new Random(18);
    for (int i = 0; i < 200; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", "k" + random.nextInt(50));
      if (random.nextBoolean()) {
        row.put("n", random.nextInt(1000) / 10.0);
      }
      if (random.nextBoolean()) {
        row.put("name", "n" + random.nextInt(5));
      }
      row.put("ok", random.nextBoolean() ? null : random.nextBoolean());
      MappedRecord record = MAPPER.map(row);
      assertEquals(DIGESTER.digest(record).row(), DIGESTER.rowDigest(record), record.toString());
    }
  }

  @Test
  void typeStableAcrossSourceTypes() {
    RecordDigest a = digest("id", "k", "n", 1, "ok", true, "at", "2024-01-01T01:00:00+01:00", "name", "Zoë");
    RecordDigest b = digest("id", "k", "n", "1.0", "ok", "1", "at", "2024-01-01 00:00:00", "name", "Zoe\u0308");
    RecordDigest c = digest("name", "Zoë", "at", java.time.Instant.parse("2024-01-01T00:00:00Z"), "ok", "yes", "n", 1.0, "id", "k");
    assertEquals(a, b);
    assertEquals(a, c);
  }

  @Test
  void timestampsDifferingOnlyBelowTheSecondDigestTheSame() {
    RecordDigest whole = digest("id", "k", "at", "2024-01-01 00:00:00");
    assertEquals(whole, digest("id", "k", "at", "2024-01-01 00:00:00.123456"));
    assertEquals(whole, digest("id", "k", "at", java.sql.Timestamp.valueOf("2024-01-01 00:00:00.999999999")));
    assertEquals(whole, digest("id", "k", "at", "2024-01-01T01:00:00.5+01:00"));
    assertNotEquals(whole, digest("id", "k", "at", "2024-01-01 00:00:01"));
  }

  @Test
  void nullEqualsAbsent() {
    assertEquals(digest("id", "k", "n", 2, "name", null), digest("id", "k", "n", 2));
  }

  @Test
  void independentOfAttributeOrderInTheMapping() {
    AttributeLayout reordered = AttributeLayout.of(new java.util.TreeMap<>(LAYOUT.types()).descendingMap());
    MappedRecord record = MAPPER.map(Map.of("id", "k", "n", 3, "name", "x"));
    assertEquals(DIGESTER.digest(record), new RecordDigester(reordered).digest(record));
  }

  @Test
  void everySingleAttributeChangeChangesTheRowDigestAndOnlyThatAttributeDigest() {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", "key-" + i);
      row.put("n", random.nextInt(1000));
      row.put("ok", random.nextBoolean());
      row.put("at", java.time.Instant.ofEpochSecond(random.nextInt(1 << 30)));
      row.put("name", "name-" + random.nextInt());
      RecordDigest before = DIGESTER.digest(MAPPER.map(row));
      for (String column : new String[] {"n", "ok", "at", "name"}) {
        Map<String, Object> changed = new HashMap<>(row);
        Object old = row.get(column);
        Object next =
            old instanceof Integer ? (Integer) old + 1
                : old instanceof Boolean ? !(Boolean) old
                : old instanceof java.time.Instant ? ((java.time.Instant) old).plusSeconds(1)
                : old + "!";
        changed.put(column, next);
        RecordDigest after = DIGESTER.digest(MAPPER.map(changed));
        assertNotEquals(before.row(), after.row(), column);
        int position = LAYOUT.indexOf(column);
        for (int p = 0; p < LAYOUT.size(); p++) {
          if (p == position) {
            assertNotEquals(before.attributes()[p], after.attributes()[p], column);
          } else {
            assertEquals(before.attributes()[p], after.attributes()[p], column + " vs " + p);
          }
        }
        Map<String, Object> nulled = new HashMap<>(row);
        nulled.put(column, null);
        RecordDigest withNull = DIGESTER.digest(MAPPER.map(nulled));
        assertNotEquals(before.row(), withNull.row(), column + " -> null");
        assertEquals(RecordDigest.NULL_VALUE, withNull.attributes()[position]);
      }
    }
  }

  @Test
  void caseAndWhitespaceInStringsMatter() {
    assertNotEquals(digest("id", "k", "name", "a"), digest("id", "k", "name", "A"));
    assertNotEquals(digest("id", "k", "name", "a"), digest("id", "k", "name", "a "));
  }

  @Test
  void digestsArePinnedAcrossVersions() {
    // A change of hash function or canonical encoding would silently resend every row of every
    // activation on upgrade: these values must only change with a snapshot format migration.
    RecordDigest d = digest("id", "k", "n", 1, "ok", true, "at", "2024-01-01 00:00:00", "name", "x");
    assertEquals("59708e553afcc1", Long.toHexString(d.row()));
    assertEquals("[1020180505, 2056516539, 1577928549, -411371341, -1912082317]",
        java.util.Arrays.toString(d.attributes()));
  }

  @Test
  void fingerprintDependsOnNamesAndTypes() {
    assertEquals(LAYOUT.fingerprint(), AttributeLayout.of(new HashMap<>(LAYOUT.types())).fingerprint());
    Map<String, AttributeType> other = new HashMap<>(LAYOUT.types());
    other.put("n", AttributeType.LONG);
    assertNotEquals(LAYOUT.fingerprint(), AttributeLayout.of(other).fingerprint());
  }

  /**
   * The digests as defined: every field fed to a streaming {@code Hasher} one by one (the code
   * before the digester hashed one array). The digester must give exactly these values.
   */
  private static RecordDigest streamed(AttributeLayout layout, MappedRecord record) {
    com.google.common.hash.HashFunction hash = com.google.common.hash.Hashing.murmur3_128(0x5eed);
    com.google.common.hash.Hasher row = hash.newHasher();
    int[] attributes = new int[layout.size()];
    for (int i = 0; i < layout.size(); i++) {
      String value = record.values().get(layout.names().get(i));
      if (value == null) {
        attributes[i] = RecordDigest.NULL_VALUE;
        continue;
      }
      byte[] name = layout.names().get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      row.putInt(name.length).putBytes(name).putInt(bytes.length).putBytes(bytes);
      long a = hash.newHasher().putInt(name.length).putBytes(name).putInt(bytes.length).putBytes(bytes).hash().asLong();
      int folded = (int) (a ^ (a >>> 32));
      attributes[i] = folded == RecordDigest.NULL_VALUE || folded == RecordDigest.UNKNOWN_VALUE ? folded | 2 : folded;
    }
    long r = row.hash().asLong();
    return new RecordDigest(r == RecordDigest.UNKNOWN_ROW ? 1L : r, attributes);
  }

  private static String randomText(Random random) {
    String[] alphabet = {"a", "Z", "0", " ", "é", "中", "\uD83D\uDE00", "-", "\u00A0"};
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(4) == 0 ? random.nextInt(120) : random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }

  @Test
  void hashingTheFieldsInOneArrayGivesTheDigestsOfFeedingThemOneByOne() {
    Random random = new Random(1818);
    for (int n = 0; n < 3000; n++) {
      Map<String, AttributeType> types = new HashMap<>();
      int size = 1 + random.nextInt(14);
      while (types.size() < size) {
        types.put("a" + randomText(random), AttributeType.STRING);
      }
      AttributeLayout layout = AttributeLayout.of(types);
      Map<String, String> values = new HashMap<>();
      for (String name : layout.names()) {
        if (random.nextInt(5) > 0) {
          values.put(name, randomText(random)); // the empty text too
        }
      }
      if (random.nextBoolean()) {
        values.put(randomText(random) + "~outside", "not in the layout");
      }
      MappedRecord record = MappedRecord.of("k" + n, values);
      RecordDigester digester = new RecordDigester(layout);
      RecordDigest expected = streamed(layout, record);
      assertEquals(expected, digester.digest(record), record.toString());
      assertEquals(expected.row(), digester.rowDigest(record), record.toString());
      assertEquals(expected.row(), digester.rowDigest(layout.positions(record.values())), record.toString());
    }
  }
}
