package org.actitosync.emulator.limits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Bulk imports per table per UTC day (on the injected clock). Thread-safe.
 */
public final class ImportQuota {
  private final Clock clock;
  private final Map<String, Integer> counts = new HashMap<>();
  private LocalDate day;

  public ImportQuota(Clock clock) {
    this.clock = clock;
  }

  /** Takes one import of today's quota for {@code tableKey}; false (nothing taken) when used up. */
  public synchronized boolean tryAcquire(String tableKey, int perDay) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!today.equals(day)) {
      counts.clear();
      day = today;
    }
    int used = counts.getOrDefault(tableKey, 0);
    if (used >= perDay) {
      return false;
    }
    counts.put(tableKey, used + 1);
    return true;
  }

  /** Seconds until the next UTC midnight (the quota's reset), at least 1. */
  public long secondsUntilReset() {
    var now = clock.instant();
    var midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return Math.max(1, midnight.getEpochSecond() - now.getEpochSecond());
  }

  public synchronized void reset() {
    counts.clear();
    day = null;
  }
}
