package org.actitosync.write;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the grouped creates and updates of a run as v5 ETL executions (see {@link EtlBulkWrites}),
 * streaming the group once through temporary files. Rows are not sorted (a CREATE_OR_UPDATE import
 * is idempotent in any order, so a file rebuilt on replay may differ in line order only). One
 * element per run, so one execution in flight at a time.
 */
final class BulkWriterFn extends ActitoCallingFn<KV<Integer, Iterable<Classification>>, WriteOutcome> {
  BulkWriterFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Classification>> group, OutputReceiver<WriteOutcome> out) {
    new EtlBulkWrites(client, config).write(group.getValue(), outcome -> {
      account(outcome);
      out.output(outcome);
    });
  }
}
