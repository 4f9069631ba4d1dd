package org.actitosync.pipeline.report;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** The {@code actito-sync} Beam metrics of a finished run, as plain maps (counters summed). */
public final class RunMetrics {
  private final Map<String, Long> counters = new TreeMap<>();
  private final Map<String, long[]> distributions = new TreeMap<>();
  private final Map<String, Long> distributionCounts = new TreeMap<>();

  public static RunMetrics from(PipelineResult result) {
    RunMetrics metrics = new RunMetrics();
    MetricQueryResults results = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> counter : results.getCounters()) {
      String namespace = counter.getName().getNamespace();
      if ("actito-sync".equals(namespace)) {
        metrics.counters.merge(counter.getName().getName(), value(counter), Long::sum);
      }
    }
    for (MetricResult<DistributionResult> d : results.getDistributions()) {
      if ("actito-sync".equals(d.getName().getNamespace())) {
        DistributionResult v = attempted(d);
        if (v != null && v.getCount() > 0) {
          metrics.distributions.merge(d.getName().getName(), new long[] {v.getMin(), v.getMax()},
              (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
          metrics.distributionCounts.merge(d.getName().getName(), v.getCount(), Long::sum);
        }
      }
    }
    return metrics;
  }

  private static long value(MetricResult<Long> counter) {
    try {
      Long attempted = counter.getAttempted();
      if (attempted != null) {
        return attempted;
      }
    } catch (UnsupportedOperationException e) {
      // committed only
    }
    return counter.getCommitted();
  }

  private static DistributionResult attempted(MetricResult<DistributionResult> d) {
    try {
      return d.getAttempted();
    } catch (UnsupportedOperationException e) {
      return d.getCommitted();
    }
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Counters whose name starts with {@code prefix}, prefix removed. */
  public Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        out.put(name.substring(prefix.length()), value);
      }
    });
    return out;
  }

  /** How many values a distribution received (0 if none). */
  public long count(String distribution) {
    return distributionCounts.getOrDefault(distribution, 0L);
  }

  /** A copy with {@code counters} set, for tests of what reads the metrics. */
  public static RunMetrics of(Map<String, Long> counters, Map<String, Long> distributionCounts) {
    RunMetrics metrics = new RunMetrics();
    metrics.counters.putAll(counters);
    metrics.distributionCounts.putAll(distributionCounts);
    return metrics;
  }

  /** {min, max} of a distribution, or null. */
  public long[] span(String name) {
    return distributions.get(name);
  }
}
