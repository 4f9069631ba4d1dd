package org.actitosync.write;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one writer step leaves to the next so that the run's limits hold across steps: the start
 * times (epoch milliseconds) of its Actito calls in the last minute, the end of a {@code
 * Retry-After} hold ({@code 0}: none), and the outage guard's counts (changes or profiles attempted,
 * and FAILED after retries). A step's budget starts from the merge of the histories of the steps
 * before it, so the sliding minute and the outage share span the whole run, not one step.
 *
 * @param callStarts start times of the calls of the last minute, ascending
 * @param holdUntil no call may start before this time (epoch milliseconds)
 * @param attempted outcomes counted by the outage guard
 * @param failed of which FAILED after retries
 */
public record CallHistory(List<Long> callStarts, long holdUntil, long attempted, long failed)
    implements Serializable {
  public CallHistory {
    callStarts = List.copyOf(callStarts);
  }

  /** A run's first step: no call made yet. */
  public static CallHistory empty() {
    return new CallHistory(List.of(), 0, 0, 0);
  }

  /**
   * The history of steps that ran one after another or side by side: every call start (sorted),
   * the latest hold, the summed counts.
   */
  public static CallHistory merge(Iterable<CallHistory> histories) {
    List<Long> starts = new ArrayList<>();
    long hold = 0;
    long attempted = 0;
    long failed = 0;
    for (CallHistory h : histories) {
      starts.addAll(h.callStarts());
      hold = Math.max(hold, h.holdUntil());
      attempted += h.attempted();
      failed += h.failed();
    }
    starts.sort(null);
    return new CallHistory(starts, hold, attempted, failed);
  }
}
