package org.actitosync.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;

/**
 * Counts per label within one bundle, for DoFns that report counts of what passes through them
 * without emitting an element per input: {@link #add} per element, {@link #drain} once in
 * {@code @FinishBundle}. A retried bundle starts from a fresh tally (a new one in {@code
 * @StartBundle}), so its counts are not added twice.
 */
public final class Tally {
  private final Map<String, long[]> counts = new LinkedHashMap<>();

  public void add(String label) {
    add(label, 1);
  }

  public void add(String label, long n) {
    counts.computeIfAbsent(label, l -> new long[1])[0] += n;
  }

  /** The counts so far, as (label, count) pairs, and an empty tally. */
  public List<KV<String, Long>> drain() {
    List<KV<String, Long>> out = new ArrayList<>(counts.size());
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      out.add(KV.of(e.getKey(), e.getValue()[0]));
    }
    counts.clear();
    return out;
  }
}
