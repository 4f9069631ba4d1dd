package org.actitosync.write;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.actitosync.record.AttributeType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Converts canonical values (see {@link org.actitosync.record.CanonicalValues}) to what Actito's
 * API takes: JSON numbers for LONG and NUMBER, booleans, {@code yyyy-MM-dd} dates and {@code
 * yyyy-MM-dd HH:mm:ss} timestamps (Actito's documented format, whole seconds) rendered in the
 * target's time zone ({@code target.timeZone}, UTC by default). The canonical timestamp stays a
 * UTC instant: the zone changes only the text sent, never a digest. Every wire value goes through
 * here, the JSON of record and profile calls and the CSV cells of bulk files alike. Deterministic,
 * so a replayed call sends the same bytes.
 */
public final class WireValues {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private WireValues() {}

  /**
   * The JSON value of {@code canonical}; TIMESTAMPs as {@code yyyy-MM-dd HH:mm:ss} in {@code zone}
   * (a fraction of a second, which a canonical value no longer has, would be cut, never sent).
   */
  public static @Nullable Object toWire(AttributeType type, @Nullable String canonical, ZoneId zone) {
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
        return SECONDS.format(Instant.parse(canonical).atZone(zone));
      default:
        return canonical;
    }
  }

  /** The CSV cell of a value for ETL data files (same formats as the JSON calls). */
  public static String toCsv(AttributeType type, @Nullable String canonical, ZoneId zone) {
    Object wire = toWire(type, canonical, zone);
    if (wire == null) {
      return "";
    }
    return wire instanceof BigDecimal ? ((BigDecimal) wire).toPlainString() : wire.toString();
  }
}
