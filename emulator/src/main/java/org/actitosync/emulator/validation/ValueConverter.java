package org.actitosync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.actitosync.emulator.model.AttributeDef;

/**
 * Converts a JSON (or CSV text) value to the stored Java value of an attribute, enforcing its type and
 * restrictions. Stored values: {@code String} (STRING, DATE as yyyy-MM-dd, TIMESTAMP as
 * yyyy-MM-dd HH:mm:ss UTC, EMAIL, LANGUAGE, COUNTRY, SEX), {@code Long} (LONG, INTEGER),
 * {@code BigDecimal} (NUMBER), {@code Boolean} (BOOLEAN). JSON strings holding a number or boolean are
 * accepted for numeric and boolean attributes (CSV cells arrive as strings); JSON numbers, booleans,
 * objects or arrays are rejected for text attributes.
 */
public final class ValueConverter {
  /** Actito's documented date-time layout. */
  public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final Pattern LONG = Pattern.compile("[-+]?\\d{1,19}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");

  private ValueConverter() {
  }

  /**
   * Converts {@code value} for {@code attr}.
   *
   * @return the stored value, or null when {@code value} is null, missing or JSON null
   * @throws ValidationException naming the attribute when the value has the wrong type or breaks a restriction
   */
  public static Object convert(AttributeDef attr, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    Object out = switch (attr.valueType()) {
      case STRING -> text(attr, value);
      case LONG -> integral(attr, value, Long.MIN_VALUE, Long.MAX_VALUE);
      case INTEGER -> integral(attr, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case NUMBER -> number(attr, value);
      case BOOLEAN -> bool(attr, value);
      case DATE -> date(attr, value);
      case TIMESTAMP -> timestamp(attr, value);
      case EMAIL -> matching(attr, value, EMAIL, "an e-mail address");
      case LANGUAGE -> matching(attr, value, TWO_LETTERS, "an ISO 639-1 language code").toLowerCase(Locale.ROOT);
      case COUNTRY -> matching(attr, value, TWO_LETTERS, "an ISO 3166-1 alpha-2 country code").toUpperCase(Locale.ROOT);
      case SEX -> matching(attr, value, Pattern.compile("[MF]"), "M or F");
    };
    checkRestrictions(attr, out);
    return out;
  }

  /** The canonical text of a stored value, used for key lookups, search and accepted values. */
  public static String canonical(Object stored) {
    if (stored instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(stored);
  }

  private static void checkRestrictions(AttributeDef attr, Object out) {
    if (out instanceof String s && attr.valueType().isText()) {
      int length = s.codePointCount(0, s.length());
      if (length > attr.maxLength()) {
        throw fail(attr, "is longer than its maximum length " + attr.maxLength() + " (" + length + " characters)");
      }
      if (attr.minLength() != null && length < attr.minLength()) {
        throw fail(attr, "is shorter than its minimum length " + attr.minLength());
      }
    }
    if (!attr.acceptedValues().isEmpty() && !attr.acceptedValues().contains(canonical(out))) {
      throw fail(attr, "value '" + canonical(out) + "' is not one of the accepted values " + attr.acceptedValues());
    }
  }

  private static String text(AttributeDef attr, JsonNode v) {
    if (!v.isTextual()) {
      throw wrongType(attr, v);
    }
    return v.asText();
  }

  private static Long integral(AttributeDef attr, JsonNode v, long min, long max) {
    long out;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      out = v.asLong();
    } else if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0 && v.canConvertToLong()) {
      out = v.decimalValue().longValue();
    } else if (v.isTextual() && LONG.matcher(v.asText().trim()).matches()) {
      try {
        out = Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        throw wrongType(attr, v);
      }
    } else {
      throw wrongType(attr, v);
    }
    if (out < min || out > max) {
      throw fail(attr, "value " + out + " is out of range for " + attr.valueType());
    }
    return out;
  }

  private static BigDecimal number(AttributeDef attr, JsonNode v) {
    if (v.isNumber()) {
      if (v.isDouble() && (Double.isNaN(v.asDouble()) || Double.isInfinite(v.asDouble()))) {
        throw wrongType(attr, v);
      }
      return v.decimalValue();
    }
    if (v.isTextual()) {
      try {
        return new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        throw wrongType(attr, v);
      }
    }
    throw wrongType(attr, v);
  }

  private static Boolean bool(AttributeDef attr, JsonNode v) {
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.isIntegralNumber() || v.isTextual() ? v.asText().trim().toUpperCase(Locale.ROOT) : "";
    switch (s) {
      case "TRUE": case "1": case "Y": case "YES": return Boolean.TRUE;
      case "FALSE": case "0": case "N": case "NO": return Boolean.FALSE;
      default: throw wrongType(attr, v);
    }
  }

  private static String date(AttributeDef attr, JsonNode v) {
    String s = text(attr, v).trim();
    try {
      return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).toString();
    } catch (DateTimeParseException e) {
      throw fail(attr, "value '" + s + "' is not a DATE (yyyy-MM-dd)");
    }
  }

  private static String timestamp(AttributeDef attr, JsonNode v) {
    String s = text(attr, v).trim();
    try {
      return LocalDateTime.parse(s, TIMESTAMP).format(TIMESTAMP);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(TIMESTAMP);
      } catch (DateTimeParseException e2) {
        throw fail(attr, "value '" + s + "' is not a TIMESTAMP (yyyy-MM-dd HH:mm:ss, or ISO-8601 with an offset)");
      }
    }
  }

  private static String matching(AttributeDef attr, JsonNode v, Pattern p, String what) {
    String s = text(attr, v).trim();
    if (!p.matcher(s).matches()) {
      throw fail(attr, "value '" + s + "' is not " + what);
    }
    return s;
  }

  private static ValidationException wrongType(AttributeDef attr, JsonNode v) {
    return fail(attr, "value " + v + " is not a valid " + attr.valueType());
  }

  private static ValidationException fail(AttributeDef attr, String reason) {
    return new ValidationException(attr.name(), "Attribute '" + attr.name() + "': " + reason);
  }
}
