package org.actitosync.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a source value into the one canonical text of its attribute type, so that equal values of
 * different Java or SQL types digest the same:
 *
 * <ul>
 *   <li>{@code NUMBER}: plain decimal, no exponent, no trailing zeros ({@code 1}, {@code 1.0} and
 *       {@code "1"} are all {@code "1"}); NaN and infinities are rejected.
 *   <li>{@code LONG}: an integral value within the 64-bit range ({@code 1.0} is {@code "1"}, {@code
 *       1.5} is rejected).
 *   <li>{@code BOOLEAN}: {@code "true"} or {@code "false"}, from booleans, 1/0 and the words
 *       true/false, yes/no, y/n, t/f in any case.
 *   <li>{@code DATE}: ISO {@code yyyy-MM-dd}.
 *   <li>{@code TIMESTAMP}: the UTC instant in ISO-8601, in whole seconds ({@code
 *       2024-05-01T08:00:00Z}); values without a zone (SQL {@code timestamp}, {@code
 *       LocalDateTime}, {@code "yyyy-MM-dd HH:mm:ss"}) are read as UTC. Sub-second digits are
 *       TRUNCATED, never rounded ({@code 08:00:00.999999} is {@code 08:00:00}; before 1970 too, the
 *       instant moves to the start of its second): Actito keeps whole seconds, so the digest is
 *       taken of what Actito can hold, and a row whose only difference is below the second is not
 *       resent. No snapshot migration is needed: a whole-second value keeps its canonical text, and
 *       a value that had a fraction was sent with it and refused by Actito, so it was never APPLIED
 *       (its key was REJECTED and is sent again, now truncated).
 *   <li>{@code STRING}: the text in Unicode NFC; otherwise compared exactly (case and whitespace
 *       matter). An empty string is null: Actito's import files cannot tell an empty cell from an
 *       unset value, so a record holds the same whatever the write strategy.
 * </ul>
 *
 * <p>{@code null} stays {@code null}: a null value and an absent attribute are the same.
 */
public final class CanonicalValues {
  private static final int MAX_DECIMAL_DIGITS = 400;

  private static final DateTimeFormatter LOCAL_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private CanonicalValues() {}

  /**
   * Returns the canonical text of {@code raw} as a value of {@code type}, or {@code null} for a
   * null input.
   *
   * @throws InvalidValueException when the value cannot be a value of that type
   */
  public static @Nullable String canonicalize(AttributeType type, @Nullable Object raw)
      throws InvalidValueException {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case STRING:
        String text = string(raw);
        return text.isEmpty() ? null : text;
      case LONG:
        return longValue(raw);
      case NUMBER:
        return number(raw);
      case BOOLEAN:
        return bool(raw);
      case DATE:
        return date(raw);
      case TIMESTAMP:
        return timestamp(raw);
      default:
        throw new IllegalArgumentException("unknown attribute type " + type);
    }
  }

  private static String string(Object raw) {
    String text = raw instanceof BigDecimal ? ((BigDecimal) raw).toPlainString() : raw.toString();
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static String longValue(Object raw) throws InvalidValueException {
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return Long.toString(((Number) raw).longValue());
    }
    BigDecimal decimal = decimal(raw, AttributeType.LONG);
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new InvalidValueException("'" + shorten(raw) + "' is not a whole number");
    }
    BigInteger integer = stripped.toBigIntegerExact();
    if (integer.bitLength() > 63) {
      throw new InvalidValueException("'" + shorten(raw) + "' is outside the 64-bit integer range");
    }
    return integer.toString();
  }

  private static String number(Object raw) throws InvalidValueException {
    BigDecimal decimal = decimal(raw, AttributeType.NUMBER);
    if (decimal.signum() == 0) {
      return "0";
    }
    return decimal.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal decimal(Object raw, AttributeType type) throws InvalidValueException {
    BigDecimal decimal;
    if (raw instanceof BigDecimal) {
      decimal = (BigDecimal) raw;
    } else if (raw instanceof BigInteger) {
      decimal = new BigDecimal((BigInteger) raw);
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new InvalidValueException(raw + " is not a finite number");
      }
      // Double.toString gives the shortest decimal that round-trips: 0.1 stays 0.1.
      decimal = new BigDecimal(raw instanceof Float ? Float.toString((Float) raw) : Double.toString(d));
    } else if (raw instanceof Number) {
      decimal = BigDecimal.valueOf(((Number) raw).longValue());
    } else if (raw instanceof CharSequence) {
      String text = raw.toString().trim();
      try {
        decimal = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new InvalidValueException(
            "'" + shorten(raw) + "' is not a " + type.name().toLowerCase(Locale.ROOT) + " value");
      }
    } else {
      throw new InvalidValueException(
          "a " + raw.getClass().getSimpleName() + " cannot be a " + type + " value");
    }
    BigDecimal stripped = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    int integerDigits = stripped.precision() - stripped.scale();
    if (integerDigits > MAX_DECIMAL_DIGITS || stripped.scale() > MAX_DECIMAL_DIGITS) {
      throw new InvalidValueException("'" + shorten(raw) + "' has too many digits");
    }
    return stripped;
  }

  private static String bool(Object raw) throws InvalidValueException {
    if (raw instanceof Boolean) {
      return raw.toString();
    }
    if (raw instanceof Number && !(raw instanceof Double || raw instanceof Float)) {
      long value = ((Number) raw).longValue();
      if (value == 1) {
        return "true";
      }
      if (value == 0) {
        return "false";
      }
    }
    if (raw instanceof CharSequence) {
      switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
        case "true":
        case "t":
        case "yes":
        case "y":
        case "1":
          return "true";
        case "false":
        case "f":
        case "no":
        case "n":
        case "0":
          return "false";
        default:
          break;
      }
    }
    throw new InvalidValueException("'" + shorten(raw) + "' is not a boolean");
  }

  private static String date(Object raw) throws InvalidValueException {
    if (raw instanceof LocalDate) {
      return raw.toString();
    }
    if (raw instanceof java.sql.Date) {
      return ((java.sql.Date) raw).toLocalDate().toString();
    }
    if (raw instanceof org.joda.time.LocalDate) {
      org.joda.time.LocalDate d = (org.joda.time.LocalDate) raw;
      return LocalDate.of(d.getYear(), d.getMonthOfYear(), d.getDayOfMonth()).toString();
    }
    if (raw instanceof CharSequence) {
      try {
        return LocalDate.parse(raw.toString().trim()).toString();
      } catch (DateTimeParseException e) {
        throw new InvalidValueException("'" + shorten(raw) + "' is not a date (yyyy-MM-dd)");
      }
    }
    throw new InvalidValueException(
        "a " + raw.getClass().getSimpleName() + " cannot be a DATE value");
  }

  private static String timestamp(Object raw) throws InvalidValueException {
    return InstantText.wholeSeconds(instant(raw).truncatedTo(ChronoUnit.SECONDS));
  }

  private static Instant instant(Object raw) throws InvalidValueException {
    if (raw instanceof Instant) {
      return (Instant) raw;
    }
    if (raw instanceof OffsetDateTime) {
      return ((OffsetDateTime) raw).toInstant();
    }
    if (raw instanceof ZonedDateTime) {
      return ((ZonedDateTime) raw).toInstant();
    }
    if (raw instanceof java.sql.Timestamp) {
      // SQL timestamp without time zone: its wall-clock fields are read as UTC.
      return ((java.sql.Timestamp) raw).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof LocalDateTime) {
      return ((LocalDateTime) raw).toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof LocalDate) {
      return ((LocalDate) raw).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof java.sql.Date) {
      return ((java.sql.Date) raw).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof java.util.Date) {
      return ((java.util.Date) raw).toInstant();
    }
    if (raw instanceof org.joda.time.ReadableInstant) {
      return Instant.ofEpochMilli(((org.joda.time.ReadableInstant) raw).getMillis());
    }
    if (raw instanceof CharSequence) {
      return parseInstant(raw.toString().trim());
    }
    throw new InvalidValueException(
        "a " + raw.getClass().getSimpleName() + " cannot be a TIMESTAMP value");
  }

  private static Instant parseInstant(String raw) throws InvalidValueException {
    // "2024-05-01 10:00:00+02:00" (PostgreSQL's text form) is ISO-8601 with a space for the 'T'
    String text =
        raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    } catch (DateTimeParseException notZoned) {
      // fall through
    }
    try {
      return LocalDateTime.parse(text, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDate) {
      throw new InvalidValueException(
          "'" + shorten(raw) + "' is not a timestamp (ISO-8601 or yyyy-MM-dd HH:mm:ss)");
    }
  }

  /** Values quoted in error messages are cut so a huge bad value cannot flood a report. */
  static String shorten(Object raw) {
    String text = String.valueOf(raw);
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }
}
