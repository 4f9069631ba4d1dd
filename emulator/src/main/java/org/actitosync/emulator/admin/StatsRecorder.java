package org.actitosync.emulator.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of Actito calls; the server combines them with the limiters into {@link EmulatorStats}. */
public final class StatsRecorder {
  /** Why a 429 was served. */
  public enum TooMany { CONCURRENCY, RATE, QUOTA }

  private final AtomicLong total = new AtomicLong();
  private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byRouteAndStatus = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> creates = new ConcurrentHashMap<>();
  private final Map<TooMany, LongAdder> tooMany = new ConcurrentHashMap<>();
  private final LongAdder injectedErrors = new LongAdder();
  private final LongAdder resets = new LongAdder();
  private final LongAdder tokenExpiries = new LongAdder();
  private final LongAdder throttled = new LongAdder();

  /** One call finished on {@code route}: {@code status} answered, or 0 when the connection was reset. */
  public void call(String route, int status) {
    total.incrementAndGet();
    byRoute.computeIfAbsent(route, r -> new LongAdder()).increment();
    byRouteAndStatus.computeIfAbsent(route + " " + status, r -> new LongAdder()).increment();
    if (status > 0) {
      byStatus.computeIfAbsent(Integer.toString(status), s -> new LongAdder()).increment();
    }
  }

  /** A custom-table record was created through the API (record upsert or import line). */
  public void recordCreated(String table, String key) {
    creates.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> new LongAdder())
        .increment();
  }

  public void tooMany(TooMany cause) {
    tooMany.computeIfAbsent(cause, c -> new LongAdder()).increment();
  }

  public void injectedError() {
    injectedErrors.increment();
  }

  public void connectionReset() {
    resets.increment();
  }

  public void injectedTokenExpiry() {
    tokenExpiries.increment();
  }

  public void throttled() {
    throttled.increment();
  }

  /** A snapshot, completed with the gauges kept elsewhere. */
  public EmulatorStats snapshot(int peakConcurrent, int maxCallsInSlidingMinute, long tokensMinted) {
    return new EmulatorStats(total.get(), sums(byRoute), sums(byStatus), peakConcurrent, count(TooMany.CONCURRENCY),
        count(TooMany.RATE), count(TooMany.QUOTA), maxCallsInSlidingMinute, tokensMinted, injectedErrors.sum(),
        resets.sum(), tokenExpiries.sum(), throttled.sum(), sums(byRouteAndStatus), createSums());
  }

  private Map<String, Map<String, Long>> createSums() {
    Map<String, Map<String, Long>> out = new HashMap<>();
    creates.forEach((table, keys) -> out.put(table, sums(keys)));
    return out;
  }

  private long count(TooMany cause) {
    LongAdder a = tooMany.get(cause);
    return a == null ? 0 : a.sum();
  }

  private static Map<String, Long> sums(Map<String, LongAdder> m) {
    Map<String, Long> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    total.set(0);
    byRoute.clear();
    byStatus.clear();
    byRouteAndStatus.clear();
    creates.clear();
    tooMany.clear();
    injectedErrors.reset();
    resets.reset();
    tokenExpiries.reset();
    throttled.reset();
  }
}
