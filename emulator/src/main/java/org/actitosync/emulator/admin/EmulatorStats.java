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
 */
public record EmulatorStats(long totalCalls, Map<String, Long> byRoute, Map<String, Long> byStatus,
    int peakConcurrent, long served429Concurrency, long served429Rate, long served429Quota,
    int maxCallsInSlidingMinute, long tokensMinted, long injectedErrors, long connectionResets,
    long injectedTokenExpiries, long throttledCalls) {

  public EmulatorStats {
    byRoute = Collections.unmodifiableMap(new TreeMap<>(byRoute));
    byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus));
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
