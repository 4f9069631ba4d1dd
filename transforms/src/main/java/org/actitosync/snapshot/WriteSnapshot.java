package org.actitosync.snapshot;

import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes a run's snapshot entries as deflate-compressed Avro files under {@code
 * runs/<runId>/entries/}. Idempotent: a retried write rewrites the same run directory; nothing
 * outside it is touched, and nothing is committed here (see {@link CommitSnapshot}).
 */
public final class WriteSnapshot
    extends PTransform<PCollection<SnapshotEntry>, WriteFilesResult<Void>> {
  private final SnapshotStore store;
  private final String runId;

  private WriteSnapshot(SnapshotStore store, String runId) {
    this.store = store;
    this.runId = runId;
  }

  public static WriteSnapshot to(SnapshotStore store, String runId) {
    return new WriteSnapshot(store, runId);
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<SnapshotEntry> entries) {
    return entries.apply(
        "WriteEntries",
        AvroIO.<SnapshotEntry>writeCustomTypeToGenericRecords()
            .withFormatFunction(SnapshotAvro::toAvro)
            .withSchema(SnapshotAvro.SCHEMA)
            .to(store.entriesPrefix(runId))
            .withSuffix(".avro")
            .withCodec(SnapshotAvro.codec()));
  }
}
