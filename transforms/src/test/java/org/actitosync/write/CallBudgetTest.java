package org.actitosync.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The writer's pacing with a fake clock (no real time spent): no sliding minute over the budget,
 * across steps too; Retry-After holds every call; at most {@code concurrency} calls in flight.
 */
class CallBudgetTest {
  /** A fake clock whose sleeps advance it (one thread at a time, as the budget sleeps unlocked). */
  static final class FakeTime {
    final AtomicLong now;

    FakeTime(long start) {
      now = new AtomicLong(start);
    }

    CallBudget budget(double callsPerMinute, CallHistory before) {
      return new CallBudget(callsPerMinute, now::get, millis -> now.addAndGet(millis), before);
    }
  }

  /** The most starts in any 60 s window closed at both ends. */
  static int maxInAnyMinute(List<Long> starts) {
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    int max = 0;
    int first = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(first) > 60_000) {
        first++;
      }
      max = Math.max(max, i - first + 1);
    }
    return max;
  }

  @Test
  void pacesCallsAndNeverExceedsTheBudgetInAnySlidingMinute() throws Exception {
    FakeTime time = new FakeTime(1_000_000);
    CallBudget budget = time.budget(100, CallHistory.empty());
    List<Long> starts = new ArrayList<>();
    long waited = 0;
    for (int i = 0; i < 350; i++) {
      waited += budget.acquire();
      starts.add(time.now.get());
    }
    int max = maxInAnyMinute(starts);
    assertTrue(max <= 100, "max calls in a closed 60 s window: " + max);
    assertTrue(max >= 98, "budget left idle: " + max);
    long elapsed = starts.get(starts.size() - 1) - starts.get(0);
    assertTrue(elapsed >= 3.4 * 60_000 && elapsed <= 3.6 * 60_000, "350 calls took " + elapsed + " ms");
    assertTrue(waited >= elapsed - 1000, "waiting is accounted: " + waited);
  }

  @Test
  void theNextStepStartsFromTheHistoryOfTheStepsBefore() throws Exception {
    FakeTime time = new FakeTime(0);
    CallBudget first = time.budget(90, CallHistory.empty());
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      first.acquire();
      starts.add(time.now.get());
    }
    CallHistory left = first.history(120, 3);
    assertTrue(left.callStarts().size() <= 90 && left.callStarts().size() >= 88, left.callStarts().size() + "");
    assertEquals(120, left.attempted());
    assertEquals(3, left.failed());
    // two steps that ran side by side (the profile step's two ways): their histories merge
    CallBudget next = time.budget(90, CallHistory.merge(List.of(left, CallHistory.empty())));
    for (int i = 0; i < 100; i++) {
      next.acquire();
      starts.add(time.now.get());
    }
    assertTrue(maxInAnyMinute(starts) <= 90, "across the two steps: " + maxInAnyMinute(starts));
    // a fresh budget that ignored the history would have started at once
    assertTrue(starts.get(120) - starts.get(119) >= 60_000 / 90, "gap " + (starts.get(120) - starts.get(119)));
  }

  @Test
  void aMergedHistoryDenserThanTheBudgetIsWaitedOut() throws Exception {
    FakeTime time = new FakeTime(100_000);
    List<Long> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      burst.add(100_000L - 1000 + i);
    }
    CallBudget budget = time.budget(10, new CallHistory(burst, 0, 0, 0));
    budget.acquire();
    assertTrue(time.now.get() >= burst.get(0) + 60_000, "started at " + time.now.get());
  }

  @Test
  void retryAfterHoldsEveryCallUntilItEnds() throws Exception {
    FakeTime time = new FakeTime(0);
    CallBudget budget = time.budget(6000, CallHistory.empty());
    budget.acquire();
    budget.holdFor(30_000);
    budget.acquire();
    assertTrue(time.now.get() >= 30_000, "a call started during the hold, at " + time.now.get());
    CallHistory left = budget.history(0, 0);
    assertEquals(30_000, left.holdUntil());
    // the hold crosses to the next step
    FakeTime later = new FakeTime(10_000);
    later.budget(6000, new CallHistory(List.of(), 45_000, 0, 0)).acquire();
    assertTrue(later.now.get() >= 45_000, "the next step ignored the hold: " + later.now.get());
  }

  @Test
  void aStepThatCannotReadTheHistoryBeforeAssumesAFullMinute() throws Exception {
    FakeTime time = new FakeTime(0);
    CallBudget before = time.budget(90, CallHistory.empty());
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      before.acquire();
      starts.add(time.now.get());
    }
    CallBudget bulk = time.budget(90, CallHistory.empty());
    bulk.assumeFullMinute();
    long stepStart = time.now.get();
    for (int i = 0; i < 100; i++) {
      bulk.acquire();
      starts.add(time.now.get());
    }
    assertTrue(maxInAnyMinute(starts) <= 90, "across the two steps: " + maxInAnyMinute(starts));
    assertTrue(starts.get(200) - stepStart <= 1000, "waited one interval, not a minute: " + (starts.get(200) - stepStart));
  }

  @Test
  void refusesANonPositiveBudget() {
    assertThrows(IllegalArgumentException.class, () -> new FakeTime(0).budget(0, CallHistory.empty()));
  }

  @Test
  void neverMoreThanConcurrencyCallsInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch full = new CountDownLatch(3);
    List<Integer> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(i);
    }
    List<Integer> results;
    try (BoundedCalls calls = new BoundedCalls(3, "test")) {
      results = calls.run(batch, i -> {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        full.countDown();
        try {
          full.await(5, TimeUnit.SECONDS);
          Thread.sleep(2);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        inFlight.decrementAndGet();
        return i * 2;
      });
    }
    assertEquals(3, peak.get(), "the pool must fill up to, and never above, its concurrency");
    assertEquals(40, results.size());
    for (int i = 0; i < 40; i++) {
      assertEquals(i * 2, results.get(i), "results come back in the batch's order");
    }
  }

  @Test
  void aCallsExceptionStopsTheBatchAndIsRethrown() {
    AtomicInteger started = new AtomicInteger();
    List<Integer> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(i);
    }
    try (BoundedCalls calls = new BoundedCalls(2, "test")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> calls.run(batch, i -> {
        started.incrementAndGet();
        if (i == 2) {
          throw new IllegalStateException("auth");
        }
        try {
          Thread.sleep(20); // a call takes time: the failure is seen before the next one starts
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return i;
      }));
      assertEquals("auth", e.getMessage());
      // items 0 and 1, then 2 (fails) and at most one more on the other thread, plus scheduling slack
      assertTrue(started.get() <= 6, "calls kept starting after the failure: " + started.get());
    }
  }
}
