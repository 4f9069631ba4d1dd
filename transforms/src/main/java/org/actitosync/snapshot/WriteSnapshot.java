package org.actitosync.snapshot;

import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Writes a run's snapshot entries as compressed Avro files under {@code runs/<runId>/entries/}
 * ({@link SnapshotAvro#codec()}), one write per part of the input list: part {@code i} goes to the
 * files {@code part<i>-SSSSS-of-NNNNN.avro}, so that each part is written as soon as it is complete,
 * whatever the others wait for (see {@link org.actitosync.change.NextSnapshot}). Every file matches
 * {@link SnapshotStore#entriesGlob}, as the single part's {@code part-SSSSS-of-NNNNN.avro} of earlier
 * versions did, so readers of either version read the whole snapshot.
 *
 * <p>Output: the written file names of each part, in the input's order, for the commit to wait on.
 * Idempotent: a retried write rewrites the same run directory; nothing outside it is touched, and
 * nothing is committed here (see {@link CommitSnapshot}).
 */
public final class WriteSnapshot
    extends PTransform<PCollectionList<SnapshotEntry>, PCollectionList<KV<Void, String>>> {
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
  public PCollectionList<KV<Void, String>> expand(PCollectionList<SnapshotEntry> parts) {
    PCollectionList<KV<Void, String>> written = PCollectionList.empty(parts.getPipeline());
    for (int i = 0; i < parts.size(); i++) {
      WriteFilesResult<Void> files =
          parts
              .get(i)
              .apply(
                  "WriteEntries" + i,
                  AvroIO.<SnapshotEntry>writeCustomTypeToGenericRecords()
                      .withFormatFunction(SnapshotAvro::toAvro)
                      .withSchema(SnapshotAvro.SCHEMA)
                      .to(store.entriesPrefix(runId) + i)
                      .withSuffix(".avro")
                      .withCodec(SnapshotAvro.codec()));
      written = written.and(files.getPerDestinationOutputFilenames());
    }
    return written;
  }
}
