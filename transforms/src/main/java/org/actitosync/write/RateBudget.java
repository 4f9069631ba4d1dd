package org.actitosync.write;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket for a calls-per-minute budget, shared by every writer shard of one run in a JVM.
 *
 * <p>Tokens refill continuously at {@code callsPerMinute / 60_000} per millisecond with a bucket of
 * one token: calls are paced evenly, at least {@code 60_000 / callsPerMinute} ms apart, so no sliding
 * minute ever holds more calls than the budget (an idle spell does not build up a burst), and a run
 * with work pending uses the whole budget. {@link #acquire()} blocks until a token is available and returns the milliseconds it
 * waited, which the writer adds to Beam's throttling counter.
 *
 * <p>Several JVMs (distributed runners): each JVM's bucket gets the share of the budget of the
 * shards it has seen ({@link #shardSeen}), so the K shards together stay within the budget wherever
 * they run. Thread-safe. The clock and the sleeper are injectable for tests.
 */
public final class RateBudget {
  /** Sleeps for a number of milliseconds; tests pass a fake that advances a fake clock. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private static final PerRun<RateBudget> SHARED = new PerRun<>();

  private final double callsPerMinute;
  private final int totalShards;
  private final LongSupplier clockMillis;
  private final Sleeper sleeper;
  private final java.util.Set<Integer> shardsSeen = ConcurrentHashMap.newKeySet();
  private double tokens;
  private long lastRefill;

  public RateBudget(double callsPerMinute, int totalShards, LongSupplier clockMillis, Sleeper sleeper) {
    if (callsPerMinute <= 0) {
      throw new IllegalArgumentException("calls per minute must be positive, not " + callsPerMinute);
    }
    this.callsPerMinute = callsPerMinute;
    this.totalShards = totalShards;
    this.clockMillis = clockMillis;
    this.sleeper = sleeper;
    this.lastRefill = clockMillis.getAsLong();
    this.tokens = 1;
  }

  /** The JVM-wide bucket of one run ({@code runKey}), created on first use with the real clock. */
  public static RateBudget shared(String runKey, double callsPerMinute, int totalShards) {
    return SHARED.get(
        runKey, () -> new RateBudget(callsPerMinute, totalShards, System::currentTimeMillis, Thread::sleep));
  }

  /** Records that this JVM processes {@code shard}; its share of the budget grows with it. */
  public void shardSeen(int shard) {
    shardsSeen.add(shard);
  }

  private double ratePerMilli() {
    int seen = Math.max(1, shardsSeen.size());
    double share = totalShards <= 0 ? 1.0 : Math.min(1.0, (double) seen / totalShards);
    double budget = callsPerMinute * share;
    // Pace slightly under budget/minute so that even a closed 60-second window, whose both ends
    // may hold a call, never contains more than the budget.
    return budget / (60_000.0 + 60_000.0 / budget);
  }

  /**
   * Takes one call's token, waiting as long as needed.
   *
   * @return milliseconds spent waiting
   */
  public long acquire() throws InterruptedException {
    long waited = 0;
    while (true) {
      long wait;
      synchronized (this) {
        refill();
        if (tokens >= 1.0) {
          tokens -= 1.0;
          return waited;
        }
        wait = (long) Math.ceil((1.0 - tokens) / ratePerMilli());
      }
      sleeper.sleep(Math.max(1, wait));
      waited += Math.max(1, wait);
    }
  }

  private void refill() {
    long now = clockMillis.getAsLong();
    if (now > lastRefill) {
      tokens = Math.min(1.0, tokens + (now - lastRefill) * ratePerMilli());
      lastRefill = now;
    }
  }
}
