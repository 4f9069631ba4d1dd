package org.actitosync.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the grouped creates and updates of a run as v5 ETL executions (see {@link EtlBulkWrites}). Rows
 * are sorted by key so that a rebuilt file is byte-identical on replay. One element per run, so
 * one execution in flight at a time.
 */
final class BulkWriterFn extends ActitoCallingFn<KV<Integer, Iterable<Classification>>, WriteOutcome> {
  BulkWriterFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Classification>> group, OutputReceiver<WriteOutcome> out) {
    List<Classification> changes = new ArrayList<>();
    group.getValue().forEach(changes::add);
    changes.sort(Comparator.comparing(Classification::key));
    for (WriteOutcome outcome : new EtlBulkWrites(client, config).write(changes)) {
      account(outcome);
      out.output(outcome);
    }
  }
}
