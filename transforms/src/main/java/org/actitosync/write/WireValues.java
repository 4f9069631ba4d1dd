package org.actitosync.write;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.actitosync.record.AttributeType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Converts canonical values (see {@link org.actitosync.record.CanonicalValues}) to what Actito's
 * API takes: JSON numbers for LONG and NUMBER, booleans, {@code yyyy-MM-dd} dates and {@code
 * yyyy-MM-dd HH:mm:ss} UTC timestamps (Actito's documented format; sub-second digits are kept
 * after a dot only when the source had them). Deterministic, so a replayed call sends the same bytes.
 */
public final class WireValues {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private WireValues() {}

  public static @Nullable Object toWire(AttributeType type, @Nullable String canonical) {
    if (canonical == null) {
      return null;
    }
    switch (type) {
      case LONG:
        return Long.parseLong(canonical);
      case NUMBER:
        return new BigDecimal(canonical);
      case BOOLEAN:
        return Boolean.parseBoolean(canonical);
      case TIMESTAMP:
        Instant instant = Instant.parse(canonical);
        String text = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos == 0) {
          return text;
        }
        String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return text + "." + fraction;
      default:
        return canonical;
    }
  }

  /** The CSV cell of a value for ETL data files (same formats as the JSON calls). */
  public static String toCsv(AttributeType type, @Nullable String canonical) {
    Object wire = toWire(type, canonical);
    if (wire == null) {
      return "";
    }
    return wire instanceof BigDecimal ? ((BigDecimal) wire).toPlainString() : wire.toString();
  }
}
