package org.actitosync.write;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes the run's creates and updates as v5 ETL executions (see {@link EtlBulkWrites}): the run's
 * one bulk writer, fed one group (every bulk change of the run under a single key), read once and
 * streamed to files of at most the client's file cap, so one execution is in flight at a time, on
 * the DoFn's own thread, and no row is held on the heap. Its budget starts from the histories
 * of the steps before it (side input {@code before}, which also makes it wait for them); it emits
 * its own history on {@link PacedBatchFn#HISTORY} at the end.
 */
final class BulkWriterFn extends DoFn<KV<Integer, Iterable<Classification>>, WriteOutcome> {
  private final WriterConfig config;
  private final PCollectionView<Iterable<CallHistory>> before;
  private transient WriterSession session;

  BulkWriterFn(WriterConfig config, PCollectionView<Iterable<CallHistory>> before) {
    this.config = config;
    this.before = before;
  }

  @Setup
  public void setup() {
    session = new WriterSession(config);
  }

  @ProcessElement
  public void process(ProcessContext context) {
    session.begin(CallHistory.merge(context.sideInput(before)));
    try {
      new EtlBulkWrites(session.client(), config).write(context.element().getValue(), outcome -> {
        session.account(outcome);
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
