package org.actitosync.actito.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait the header asks for, measured from {@code clock}'s now; a date in the past gives
   * zero. Empty when the header is absent or unparseable.
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    if (h.isEmpty()) {
      return Optional.empty();
    }
    if (h.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // absurdly large
      }
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
