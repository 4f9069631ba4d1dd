package org.actitosync.pipeline.launch;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random source rows with extreme values, as the SQL text of each column (null = SQL NULL),
 * and the oracle: the value Actito must hold for each (the canonical value of the source), or
 * {@link #INVALID} when the row cannot be synced faithfully and must be rejected.
 */
final class FuzzRows {
  static final String COLUMNS = "k text, s text, l bigint, n numeric, x double precision, b boolean, t timestamptz";
  static final String INVALID = "<invalid>";
  static final DateTimeFormatter ACTITO_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** Key and text limits of the fuzz table in Actito (code points). */
  static final int KEY_MAX = 100;
  static final int TEXT_MAX = 1000;

  record Row(String k, String s, String l, String n, String x, String b, String t) {
    List<String> values() {
      return java.util.Arrays.asList(k, s, l, n, x, b, t);
    }
  }

  private static final String[] SPECIALS = {"/", "?", "#", "%", "%2F", " ", "+", "=", "&", "\\", ";", "..", "é",
      "日本", "😀", "\u200B", "\t", "\u0001", "\n", "\"", "'", "<>", "%00"};
  private static final String[] TEXTS = {"", " ", "  padded  ", "\"quoted\", with; separators", "line\r\nbreak",
      "tab\tand\u0007bell", "emoji 😀🎉", "astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301 combining", "\u200Bzero width", "\uFEFFbom first",
      "עברית RTL", "NULL", "null", "\\N", "=1+1", "x\u0085next line", "trailing backslash\\"};

  private final Random random;
  private final Set<String> keys = new LinkedHashSet<>();

  FuzzRows(long seed) {
    this.random = new Random(seed);
  }

  List<Row> rows(int count) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("."));  // path segments no URL can address:
    rows.add(row("..")); // rejected (UNADDRESSABLE_KEY) before any call
    while (rows.size() < count) {
      String key = key(rows.size());
      rows.add(row(key));
      if (random.nextInt(10) == 0) { // a twin differing only by case or whitespace
        String twin = random.nextBoolean() ? key.toUpperCase(Locale.ROOT) : " " + key;
        if (!twin.equals(key)) {
          rows.add(row(twin));
        }
      }
      if (random.nextInt(40) == 0) { // a true duplicate key: both rows rejected
        rows.add(row(key));
      }
    }
    return rows;
  }

  Row row(String key) {
    return new Row(key, text(), longText(), numeric(), dbl(), pick(null, "true", "false"), timestamp());
  }

  private String key(int i) {
    switch (random.nextInt(6)) {
      case 0:
        return "k-" + i;
      case 1:
        return "k-" + i + SPECIALS[random.nextInt(SPECIALS.length)] + "x";
      case 2:
        return SPECIALS[random.nextInt(SPECIALS.length)] + i;
      case 3:
        return "e\u0301-" + i; // not NFC: its canonical key is "é-i"
      case 4:
        return "long-" + i + "-" + "x".repeat(KEY_MAX - 10 + random.nextInt(20));
      default:
        return "Mixed Case " + i;
    }
  }

  private String text() {
    switch (random.nextInt(5)) {
      case 0:
        return null;
      case 1:
        return "ok " + random.nextInt(1000);
      case 2:
        return "ü".repeat(TEXT_MAX - 5 + random.nextInt(10)); // around the limit
      default:
        return TEXTS[random.nextInt(TEXTS.length)];
    }
  }

  private String longText() {
    return pick(null, "0", "-1", Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE),
        Long.toString(random.nextLong()));
  }

  private String numeric() {
    return pick(null, "0", "-0.000", "NaN", "Infinity", "-Infinity", "1e-30", "123456789012345678901234567890.123456789",
        "9".repeat(60) + "." + "9".repeat(60), "1" + "0".repeat(450), new BigDecimal(random.nextGaussian() * 1e6)
            .setScale(random.nextInt(6), java.math.RoundingMode.HALF_UP).toPlainString());
  }

  private String dbl() {
    return pick(null, "NaN", "Infinity", "-Infinity", "-0", "1.7976931348623157E308", "4.9E-324", "0.1",
        Double.toString(random.nextDouble() * 1e12));
  }

  private String timestamp() {
    return pick(null, "2024-02-29 23:59:59+05:30", "2024-01-01 00:00:00-11:00", "1970-01-01 00:00:00Z",
        "2024-06-01 12:00:00.123456+02:00", "0001-01-01 00:00:00Z", "9999-12-31 23:59:59-10:00",
        "2024-03-31 02:30:00+01:00");
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  // ---------------------------------------------------------------- the oracle

  /** Keys no URL path segment can address: rejected by the classifier, never sent. */
  static final Set<String> UNADDRESSABLE = Set.of(".", "..");

  /** The canonical key (Unicode NFC), null for an empty one. */
  static String key(Row row) {
    return row.k() == null || row.k().isEmpty() ? null : Normalizer.normalize(row.k(), Normalizer.Form.NFC);
  }

  /**
   * What Actito must hold for each attribute of {@code row} (null = unset), as the emulator stores
   * it (text, Long, plain decimal, Boolean, "yyyy-MM-dd HH:mm:ss" UTC with any fraction of a second
   * truncated), or {@link #INVALID} in a value when the row cannot be represented faithfully.
   */
  static java.util.Map<String, Object> expected(Row row) {
    java.util.Map<String, Object> out = new java.util.TreeMap<>();
    out.put("k", key(row));
    out.put("s", row.s() == null || row.s().isEmpty() ? null : Normalizer.normalize(row.s(), Normalizer.Form.NFC));
    out.put("l", row.l() == null ? null : Long.parseLong(row.l()));
    out.put("n", decimal(row.n()));
    out.put("x", row.x() == null ? null : decimal(Double.toString(Double.parseDouble(row.x()))));
    out.put("b", row.b() == null ? null : Boolean.parseBoolean(row.b()));
    out.put("t", timestamp(row.t()));
    out.values().removeIf(Objects::isNull);
    return out;
  }

  private static Object decimal(String text) {
    if (text == null) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(text);
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return INVALID; // NaN, infinities
    }
  }

  private static Object timestamp(String text) {
    if (text == null) {
      return null;
    }
    Instant instant = OffsetDateTime.parse(text.replace(' ', 'T').replace("Z", "+00:00")
        .replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant();
    return ACTITO_TIMESTAMP.format(instant); // Actito keeps whole seconds: a fraction is truncated
  }

  /** A stored emulator value in the oracle's terms. */
  static Object stored(Object value) {
    return value instanceof BigDecimal d ? (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()) : value;
  }
}
