package org.actitosync.emulator.admin;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the counters ({@code GET /_emulator/stats}). Admin calls are not counted.
 *
 * @param totalCalls Actito calls received (all outcomes, including 429s, injected faults and resets)
 * @param byRoute calls per route name, e.g. {@code "POST /record"}
 * @param byStatus calls per HTTP status answered (connection resets are not in here, see {@code connectionResets})
 * @param peakConcurrent most Actito requests in flight at once
 * @param served429Concurrency 429s for more than maxConcurrent in-flight requests
 * @param served429Rate 429s for the per-minute budget (STRICT mode)
 * @param served429Quota 429s for the daily bulk-import quota
 * @param maxCallsInSlidingMinute most calls received in any sliding 60 s window (injected clock)
 * @param tokensMinted tokens minted by /auth/token
 * @param injectedErrors 5xx (or other) statuses answered by fault injection
 * @param connectionResets connections closed without a response by fault injection
 * @param injectedTokenExpiries tokens expired by fault injection
 * @param throttledCalls calls delayed by the LATENCY rate mode
 * @param byRouteAndStatus calls per route and status answered, e.g. {@code "POST /record 503"} (a reset
 *     connection counts under status 0)
 * @param recordCreates custom-table records created through the API (record upserts and import lines
 *     that created a row), per table name and primary key (canonical text); seeded and admin-put rows
 *     are not counted. A key created twice was created, deleted and created again.
 */
public record EmulatorStats(long totalCalls, Map<String, Long> byRoute, Map<String, Long> byStatus,
    int peakConcurrent, long served429Concurrency, long served429Rate, long served429Quota,
    int maxCallsInSlidingMinute, long tokensMinted, long injectedErrors, long connectionResets,
    long injectedTokenExpiries, long throttledCalls, Map<String, Long> byRouteAndStatus,
    Map<String, Map<String, Long>> recordCreates) {

  public EmulatorStats {
    byRoute = Collections.unmodifiableMap(new TreeMap<>(byRoute));
    byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus));
    byRouteAndStatus = Collections.unmodifiableMap(new TreeMap<>(byRouteAndStatus));
    Map<String, Map<String, Long>> creates = new TreeMap<>();
    recordCreates.forEach((table, keys) -> creates.put(table, Collections.unmodifiableMap(new TreeMap<>(keys))));
    recordCreates = Collections.unmodifiableMap(creates);
  }

  /** Calls on {@code route} answered with {@code status} (0: connection reset). */
  public long routeStatus(String route, int status) {
    return byRouteAndStatus.getOrDefault(route + " " + status, 0L);
  }

  /** How many times the record with primary key {@code key} of custom table {@code table} was created. */
  public long creates(String table, String key) {
    return recordCreates.getOrDefault(table, Map.of()).getOrDefault(key, 0L);
  }

  /** Keys of {@code table} created more than once, with their count. */
  public Map<String, Long> repeatedCreates(String table) {
    Map<String, Long> repeated = new TreeMap<>();
    recordCreates.getOrDefault(table, Map.of()).forEach((key, n) -> {
      if (n > 1) {
        repeated.put(key, n);
      }
    });
    return repeated;
  }

  /** Calls answered with {@code status}. */
  public long status(int status) {
    return byStatus.getOrDefault(Integer.toString(status), 0L);
  }

  /** Calls on {@code route}. */
  public long route(String route) {
    return byRoute.getOrDefault(route, 0L);
  }

  /** All 429s served. */
  public long served429() {
    return served429Concurrency + served429Rate + served429Quota;
  }
}
