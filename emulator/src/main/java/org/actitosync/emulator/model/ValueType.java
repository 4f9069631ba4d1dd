package org.actitosync.emulator.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The value types the emulator validates. Custom-table {@code valueType}s seen in Actito's
 * documentation are STRING, LONG, NUMBER and TIMESTAMP; BOOLEAN, DATE and INTEGER are accepted too
 * (inferred). Profile tables' predefined attribute {@code type}s (EMAIL_ADDRESS, BIRTHDATE, SEX, ...)
 * map onto the internal EMAIL, DATE, SEX, LANGUAGE and COUNTRY types.
 */
public enum ValueType {
  STRING, LONG, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP,
  /** e-mail address (profile predefined type EMAIL_ADDRESS). */
  EMAIL,
  /** ISO 639-1 two-letter code (profile MOTHER_LANGUAGE). */
  LANGUAGE,
  /** ISO 3166-1 alpha-2 code (profile COUNTRY / ADDRESS_COUNTRY). */
  COUNTRY,
  /** M or F (profile SEX). */
  SEX;

  /** Parses a structure {@code valueType}; only the public, documented-or-inferred names are accepted. */
  public static Optional<ValueType> ofValueType(String name) {
    if (name == null) {
      return Optional.empty();
    }
    switch (name.toUpperCase(Locale.ROOT)) {
      case "STRING": case "TEXT": return Optional.of(STRING);
      case "LONG": return Optional.of(LONG);
      case "INTEGER": case "INT": return Optional.of(INTEGER);
      case "NUMBER": case "DOUBLE": case "DECIMAL": return Optional.of(NUMBER);
      case "BOOLEAN": return Optional.of(BOOLEAN);
      case "DATE": return Optional.of(DATE);
      case "TIMESTAMP": case "DATETIME": return Optional.of(TIMESTAMP);
      case "EMAIL": case "EMAIL_ADDRESS": return Optional.of(EMAIL);
      default: return Optional.empty();
    }
  }

  /** Maps a profile-table predefined attribute {@code type} (other than CUSTOM) to a value type. */
  public static ValueType ofProfileType(String type) {
    switch (type.toUpperCase(Locale.ROOT)) {
      case "EMAIL_ADDRESS": return EMAIL;
      case "BIRTHDATE": return DATE;
      case "SEX": return SEX;
      case "MOTHER_LANGUAGE": return LANGUAGE;
      case "COUNTRY": case "ADDRESS_COUNTRY": return COUNTRY;
      default: return STRING;
    }
  }

  /** True for types stored as strings and therefore subject to min/max length. */
  public boolean isText() {
    return this == STRING || this == EMAIL || this == LANGUAGE || this == COUNTRY || this == SEX;
  }
}
