package org.actitosync.write;

import java.util.Map;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Ensures the run's referenced profiles as ETL executions ({@link ProfileBulkWrites}): the run's
 * one profile writer when profiles go in bulk, fed one group, so one execution is in flight at a
 * time. The run's first writer step: its budget starts empty; it emits its history on {@link
 * PacedBatchFn#HISTORY} for the record writer.
 */
final class ProfileBulkFn
    extends DoFn<KV<Integer, Iterable<KV<String, Map<String, String>>>>, KV<String, ProfileOutcome>> {
  private final WriterConfig config;
  private transient WriterSession session;

  ProfileBulkFn(WriterConfig config) {
    this.config = config;
  }

  @Setup
  public void setup() {
    session = new WriterSession(config);
  }

  @ProcessElement
  public void process(ProcessContext context) {
    session.begin(CallHistory.empty());
    try {
      new ProfileBulkWrites(session.client(), config).write(context.element().getValue(), outcome -> {
        Metrics.counter(WriterMetrics.NAMESPACE,
            "profiles." + (outcome.getValue().ensured() ? "bulk" : "failed")).inc();
        session.account(outcome.getValue());
        context.output(outcome);
      });
    } finally {
      context.output(PacedBatchFn.HISTORY, session.history());
    }
  }

  @Teardown
  public void teardown() throws java.io.IOException {
    if (session != null) {
      session.close();
    }
  }
}
