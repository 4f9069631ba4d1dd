package org.actitosync.actito.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void seconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", clock));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(" 0 ", clock));
  }

  @Test
  void httpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(90)),
        RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", clock));
  }

  @Test
  void httpDateInThePastIsZero() {
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock));
  }

  @Test
  void absentOrGarbage() {
    assertEquals(Optional.empty(), RetryAfter.parse(null, clock));
    assertEquals(Optional.empty(), RetryAfter.parse("", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("-5", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999999", clock));
  }
}
