package org.actitosync.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.actitosync.actito.ActitoClient;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the grouped creates and updates of a run as bulk imports (see {@link BulkImports}). Rows
 * are sorted by key so that a rebuilt file is byte-identical on replay. One element per run, so
 * one import in flight at a time.
 */
final class BulkWriterFn extends DoFn<KV<Integer, Iterable<Classification>>, WriteOutcome> {
  private final WriterConfig config;
  private transient ActitoClient client;

  BulkWriterFn(WriterConfig config) {
    this.config = config;
  }

  @Setup
  public void setup() {
    client = ClientFactory.create(config, ClientFactory.budget(config));
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Classification>> group, OutputReceiver<WriteOutcome> out) {
    List<Classification> changes = new ArrayList<>();
    group.getValue().forEach(changes::add);
    changes.sort(Comparator.comparing(Classification::key));
    for (WriteOutcome outcome : new BulkImports(client, config).write(changes)) {
      WriterMetrics.outcome(outcome);
      OutageGuard.record(config.runKey(), outcome.status() == OutcomeStatus.FAILED,
          config.outageFailureShare(), config.outageMinCalls());
      out.output(outcome);
    }
  }

  @Teardown
  public void teardown() throws IOException {
    if (client != null) {
      client.close();
    }
  }
}
