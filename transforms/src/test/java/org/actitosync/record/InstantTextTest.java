package org.actitosync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  private static void same(Instant instant) {
    assertEquals(instant.toString(), InstantText.wholeSeconds(instant), () -> instant.getEpochSecond() + "s");
  }

  @Test
  void isInstantToStringAtTheEdgesOfFourDigitYears() {
    long[] edges = {InstantText.FIRST_FOUR_DIGIT_SECOND, InstantText.LAST_FOUR_DIGIT_SECOND, 0, -1, 1, 951_782_400L,
        4_107_542_400L, -2_208_988_800L};
    for (long edge : edges) {
      for (long delta = -2; delta <= 2; delta++) {
        same(Instant.ofEpochSecond(edge + delta));
      }
    }
    same(Instant.MIN);
    same(Instant.MAX);
    same(Instant.ofEpochSecond(0, 1));
    same(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
  }

  @Test
  void isInstantToStringForRandomInstants() {
    Random random = new Random(2026);
    for (int i = 0; i < 200_000; i++) {
      long seconds = i % 2 == 0
          ? InstantText.FIRST_FOUR_DIGIT_SECOND - 1_000_000_000L
              + (long) (random.nextDouble() * (InstantText.LAST_FOUR_DIGIT_SECOND - InstantText.FIRST_FOUR_DIGIT_SECOND + 2_000_000_000L))
          : random.nextInt(); // around 1970, where most data is
      same(Instant.ofEpochSecond(seconds));
    }
  }
}
