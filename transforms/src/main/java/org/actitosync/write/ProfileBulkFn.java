package org.actitosync.write;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the run's referenced profiles as ETL executions ({@link ProfileBulkWrites}): the run's
 * one profile writer when profiles go in bulk ({@link OneGroupFn}), its first writer step, one
 * execution in flight at a time.
 */
final class ProfileBulkFn extends OneGroupFn<KV<String, Map<String, String>>, KV<String, ProfileOutcome>> {
  ProfileBulkFn(WriterConfig config) {
    super(config, false);
  }

  @Override
  void write(WriterSession session, Iterable<KV<String, Map<String, String>>> profiles,
      Consumer<KV<String, ProfileOutcome>> out) {
    new ProfileBulkWrites(session.client(), config).write(profiles, outcome -> {
      Metrics.counter(WriterMetrics.NAMESPACE,
          "profiles." + (outcome.getValue().ensured() ? "bulk" : "failed")).inc();
      session.account(outcome.getValue());
      out.accept(outcome);
    });
  }
}
