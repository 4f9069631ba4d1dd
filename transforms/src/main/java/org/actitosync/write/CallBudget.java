package org.actitosync.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The calls-per-minute budget of one writer step: every HTTP exchange the step's client opens
 * (calls, retries, polls, token mints) first takes a slot here.
 *
 * <p>Guarantees, for the calls of this budget and of the {@link CallHistory} it starts from:
 *
 * <ul>
 *   <li>calls start at least {@code (60_000 + 60_000 / budget) / budget} ms apart, so no window of
 *       60 seconds, closed at both ends, holds more than {@code callsPerMinute} starts, and an idle
 *       spell builds up no burst; a step with work pending still uses the whole budget;
 *   <li>whatever the history, no call starts while the last 60 seconds already hold {@code
 *       callsPerMinute} starts (merged histories of steps that ran side by side);
 *   <li>after {@link #holdFor} (a {@code Retry-After}), no call starts before the hold ends.
 * </ul>
 *
 * <p>It is an instance of one writer, never shared through static state: the limits hold across
 * workers because the run has one writer at a time (see {@link WriteToActito}). Thread-safe; the
 * clock and the sleeper are injected ({@link Pacing}).
 */
public final class CallBudget {
  /** Sleeps for a number of milliseconds; tests pass one that advances a fake clock. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  static final long MINUTE = 60_000;

  private final double callsPerMinute;
  private final long interval;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final Deque<Long> starts = new ArrayDeque<>();
  private long nextFree;
  private long holdUntil;

  public CallBudget(double callsPerMinute, LongSupplier clock, Sleeper sleeper, CallHistory before) {
    if (!(callsPerMinute > 0)) {
      throw new IllegalArgumentException("calls per minute must be positive, not " + callsPerMinute);
    }
    this.callsPerMinute = callsPerMinute;
    this.interval = (long) Math.ceil((MINUTE + MINUTE / callsPerMinute) / callsPerMinute);
    this.clock = clock;
    this.sleeper = sleeper;
    this.holdUntil = before.holdUntil();
    for (long start : before.callStarts()) {
      starts.addLast(start);
      nextFree = Math.max(nextFree, start + interval);
    }
  }

  /**
   * Takes one call's slot, waiting as long as needed.
   *
   * @return milliseconds spent waiting
   */
  public long acquire() throws InterruptedException {
    long waited = 0;
    while (true) {
      long wait;
      synchronized (this) {
        long now = clock.getAsLong();
        forgetBefore(now - MINUTE);
        long free = Math.max(nextFree, holdUntil);
        if (starts.size() >= Math.floor(callsPerMinute)) {
          free = Math.max(free, starts.peekFirst() + MINUTE + 1);
        }
        if (now >= free) {
          starts.addLast(now);
          nextFree = now + interval;
          return waited;
        }
        wait = free - now;
      }
      sleeper.sleep(wait);
      waited += wait;
    }
  }

  /**
   * Assumes the last minute, up to now, held the whole budget: for a step that follows another
   * whose history it cannot read (see {@link WriteToActito}); its first call then waits one
   * interval, and the sliding minute still holds.
   */
  public synchronized void assumeFullMinute() {
    long now = clock.getAsLong();
    int calls = (int) Math.floor(callsPerMinute);
    starts.clear();
    for (int i = calls - 1; i >= 0; i--) {
      starts.addLast(now - (long) i * interval);
    }
    nextFree = Math.max(nextFree, now + interval);
  }

  /** No call starts in the next {@code millis} ms (Actito's {@code Retry-After} on a 429). */
  public synchronized void holdFor(long millis) {
    holdUntil = Math.max(holdUntil, clock.getAsLong() + millis);
  }

  /** What the next step starts from: the call starts of the last minute and the hold. */
  public synchronized CallHistory history(long attempted, long failed) {
    forgetBefore(clock.getAsLong() - MINUTE);
    return new CallHistory(new ArrayList<>(starts), holdUntil, attempted, failed);
  }

  private void forgetBefore(long oldest) {
    while (!starts.isEmpty() && starts.peekFirst() < oldest) {
      starts.removeFirst();
    }
  }
}
