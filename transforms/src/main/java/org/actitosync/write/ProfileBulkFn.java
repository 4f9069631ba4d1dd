package org.actitosync.write;

import java.util.Map;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the run's referenced profiles as ETL executions ({@link ProfileBulkWrites}): one group,
 * so one execution at a time within the run's rate budget; the group is streamed once through
 * temporary files, unsorted (a CREATE_ONLY import is idempotent in any order).
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
    new ProfileBulkWrites(client, config).write(group.getValue(), outcome -> {
      Metrics.counter(WriterMetrics.NAMESPACE,
          "profiles." + (outcome.getValue().ensured() ? "bulk" : "failed")).inc();
      account(outcome.getValue());
      out.output(outcome);
    });
  }
}
