package org.actitosync.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the run's referenced profiles as ETL executions ({@link ProfileBulkWrites}): one group,
 * so one execution at a time within the run's rate budget.
 */
final class ProfileBulkFn
    extends ActitoCallingFn<KV<Integer, Iterable<KV<String, Map<String, String>>>>, KV<String, ProfileOutcome>> {
  ProfileBulkFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, Iterable<KV<String, Map<String, String>>>> group,
      OutputReceiver<KV<String, ProfileOutcome>> out) {
    budget.shardSeen(group.getKey());
    List<KV<String, Map<String, String>>> profiles = new ArrayList<>();
    group.getValue().forEach(profiles::add);
    profiles.sort(java.util.Comparator.comparing(KV::getKey));
    for (KV<String, ProfileOutcome> outcome : new ProfileBulkWrites(client, config).write(profiles)) {
      Metrics.counter(WriterMetrics.NAMESPACE,
          "profiles." + (outcome.getValue().ensured() ? "bulk" : "failed")).inc();
      account(outcome.getValue());
      out.output(outcome);
    }
  }
}
