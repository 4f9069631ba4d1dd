package org.actitosync.record;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of a timestamp's canonical value ({@link CanonicalValues}): {@code Instant.toString()},
 * written directly for the instants a timestamp column holds. Pure.
 */
final class InstantText {
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds: the years printed as 4 digits. */
  static final long FIRST_FOUR_DIGIT_SECOND = -62_135_596_800L;
  static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

  private InstantText() {}

  /**
   * Exactly {@code instant.toString()}. An instant in whole seconds of the years 1 to 9999 is
   * written as {@code yyyy-MM-ddTHH:mm:ssZ} directly: the JDK's {@code ISO_INSTANT} formatter,
   * which {@code toString()} runs, cost more than the rest of a row's mapping (docs/benchmarks.md).
   * Any other instant (a fraction, a year of 5 digits or before year 1) goes through {@code
   * toString()}.
   */
  static String wholeSeconds(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (instant.getNano() != 0 || seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
      return instant.toString();
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    char[] text = "0000-00-00T00:00:00Z".toCharArray();
    digits(text, 0, 4, t.getYear());
    digits(text, 5, 2, t.getMonthValue());
    digits(text, 8, 2, t.getDayOfMonth());
    digits(text, 11, 2, t.getHour());
    digits(text, 14, 2, t.getMinute());
    digits(text, 17, 2, t.getSecond());
    return new String(text);
  }

  private static void digits(char[] text, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
