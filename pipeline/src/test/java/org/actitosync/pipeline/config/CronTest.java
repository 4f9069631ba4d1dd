package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronTest {
  @Test
  void acceptsStandardFiveFieldExpressions() {
    for (String ok :
        new String[] {"* * * * *", "*/15 0-6 1,15 JAN-MAR SUN", "0 2 * * 1-5", "30 6 L? * *".replace("L?", "1-31/2"), "59 23 31 12 7"}) {
      assertEquals(Optional.empty(), Cron.problem(ok), ok);
    }
  }

  @Test
  void namesTheFieldThatIsWrong() {
    assertEquals(
        Optional.of("invalid cron '60 * * * *': minute field '60': 60 is outside 0-59"),
        Cron.problem("60 * * * *"));
    assertEquals(
        Optional.of("invalid cron '* * 0 * *': day-of-month field '0': 0 is outside 1-31"),
        Cron.problem("* * 0 * *"));
    assertEquals(
        Optional.of("invalid cron '* * * FOO *': month field 'FOO': 'FOO' is not a number"),
        Cron.problem("* * * FOO *"));
    assertEquals(
        Optional.of("invalid cron '*/0 * * * *': minute field '*/0': step '0' is not a positive number"),
        Cron.problem("*/0 * * * *"));
    assertEquals(
        Optional.of("invalid cron '5-1 * * * *': minute field '5-1': range '5-1' is backwards"),
        Cron.problem("5-1 * * * *"));
    assertEquals(
        Optional.of(
            "invalid cron '@daily': expected 5 fields (minute hour day-of-month month day-of-week), got 1"),
        Cron.problem("@daily"));
  }
}
