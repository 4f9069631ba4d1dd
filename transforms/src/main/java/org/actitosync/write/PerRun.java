package org.actitosync.write;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JVM-wide state of the runs this JVM has written for (rate budgets, outage counts), keyed by run.
 * Bounded: a long-lived worker (a Flink session cluster's TaskManager) serving many runs keeps the
 * state of the {@value #MAX_RUNS} most recently used runs only, so it does not grow with every run.
 */
final class PerRun<V> {
  static final int MAX_RUNS = 32;

  private final Map<String, V> byRun =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
          return size() > MAX_RUNS;
        }
      };

  /** The state of {@code runKey}, created on first use. */
  synchronized V get(String runKey, Supplier<V> create) {
    return byRun.computeIfAbsent(runKey, k -> create.get());
  }

  synchronized int size() {
    return byRun.size();
  }
}
