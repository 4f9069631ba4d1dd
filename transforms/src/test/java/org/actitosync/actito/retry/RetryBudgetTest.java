package org.actitosync.actito.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  private static final RetryPolicy POLICY = RetryPolicy.defaults();

  @Test
  void defaultsSuitABatchJob() {
    assertEquals(6, POLICY.maxAttempts());
    assertEquals(Duration.ofMillis(500), POLICY.initialBackoff());
    assertEquals(Duration.ofSeconds(30), POLICY.maxBackoffPerAttempt());
    assertEquals(Duration.ofMinutes(2), POLICY.maxTotalBackoff());
  }

  @Test
  void exponentialWithEqualJitterAndPerAttemptCap() {
    RetryBudget top = new RetryBudget(POLICY, () -> 0.999999);
    RetryBudget bottom = new RetryBudget(POLICY, () -> 0.0);
    assertEquals(499, top.jitteredBackoffMillis(1));
    assertEquals(250, bottom.jitteredBackoffMillis(1));
    assertEquals(999, top.jitteredBackoffMillis(2));
    assertEquals(500, bottom.jitteredBackoffMillis(2));
    assertEquals(3999, top.jitteredBackoffMillis(4));
    assertEquals(29999, top.jitteredBackoffMillis(10)); // capped at 30 s
    assertEquals(15000, bottom.jitteredBackoffMillis(40));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    RetryBudget b = new RetryBudget(POLICY, () -> 0.5);
    for (int i = 1; i <= 5; i++) {
      b.startAttempt();
      assertTrue(b.nextDelayMillis(Optional.empty()) > 0);
    }
    b.startAttempt();
    assertEquals(RetryBudget.GIVE_UP, b.nextDelayMillis(Optional.empty()));
    assertEquals(6, b.attempts());
  }

  @Test
  void totalBudgetCapsTheSumOfSleeps() {
    RetryPolicy p = RetryPolicy.builder().setMaxAttempts(100)
        .setInitialBackoff(Duration.ofSeconds(10)).setMaxTotalBackoff(Duration.ofSeconds(25)).build();
    RetryBudget b = new RetryBudget(p, () -> 0.999);
    long total = 0;
    while (true) {
      b.startAttempt();
      long d = b.nextDelayMillis(Optional.empty());
      if (d == RetryBudget.GIVE_UP) {
        break;
      }
      total += d;
    }
    assertEquals(25_000, total);
    assertEquals(25_000, b.sleptMillis());
  }

  @Test
  void retryAfterHonouredWhenLonger() {
    RetryBudget b = new RetryBudget(POLICY, () -> 0.5);
    b.startAttempt();
    assertEquals(7000, b.nextDelayMillis(Optional.of(Duration.ofSeconds(7))));
    b.startAttempt();
    // backoff (~750 ms) beats a Retry-After of 0
    assertEquals(750, b.nextDelayMillis(Optional.of(Duration.ZERO)));
  }

  @Test
  void retryAfterBeyondTheRemainingBudgetGivesUpWithoutSleeping() {
    RetryBudget b = new RetryBudget(POLICY, () -> 0.5);
    b.startAttempt();
    assertEquals(RetryBudget.GIVE_UP, b.nextDelayMillis(Optional.of(Duration.ofMinutes(3))));
    assertEquals(0, b.sleptMillis());
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().setMaxAttempts(0).build());
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().setInitialBackoff(Duration.ofMillis(-1)).build());
    assertEquals(1, RetryPolicy.noRetries().maxAttempts());
  }
}
