package org.actitosync.write;

import java.util.function.Consumer;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;

/**
 * Writes the run's creates and updates as v5 ETL executions (see {@link EtlBulkWrites}): the run's
 * one bulk writer ({@link OneGroupFn}), after the record calls. The group is read once and streamed
 * to files of at most the client's file cap, one execution in flight at a time, no row held on the
 * heap.
 */
final class BulkWriterFn extends OneGroupFn<Classification, WriteOutcome> {
  BulkWriterFn(WriterConfig config) {
    super(config, true);
  }

  @Override
  void write(WriterSession session, Iterable<Classification> changes, Consumer<WriteOutcome> out) {
    new EtlBulkWrites(session.client(), config).write(changes, outcome -> {
      session.account(outcome);
      out.accept(outcome);
    });
  }
}
