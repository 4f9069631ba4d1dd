package org.actitosync.write;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes changes with record calls: the run's one record writer ({@link PacedBatchFn}), at most
 * {@code write.concurrency} calls in flight, every call paced by the run's budget. Outcomes: see
 * {@link RecordCalls}. A batch retried by the runner replays the same idempotent calls.
 */
final class RecordWriterFn extends PacedBatchFn<Classification, WriteOutcome> {
  private transient RecordCalls recordCalls;

  RecordWriterFn(WriterConfig config, @Nullable PCollectionView<Iterable<CallHistory>> before) {
    super(config, before);
  }

  @Override
  WriteOutcome call(Classification change) {
    RecordCalls calls = recordCalls;
    if (calls == null) {
      calls = new RecordCalls(session.client(), config);
      recordCalls = calls;
    }
    WriteOutcome outcome = calls.apply(change);
    session.account(outcome);
    return outcome;
  }
}
