package org.actitosync.snapshot;

import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.record.AttributeLayout;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the entries of a committed snapshot run and projects them onto the current mapping layout
 * (see {@link SnapshotEntry#project}). With no base run (an activation's first run) the output is
 * empty: everything in the source is then new.
 *
 * <p>The files are read as one Avro source, split over the workers, in lists of {@value #BATCH}
 * entries ({@link BatchedSource}) flattened right after: Beam's Flink runner pays a metrics update
 * per element a source reads, and a list is one element.
 */
public final class ReadSnapshot extends PTransform<PBegin, PCollection<SnapshotEntry>> {
  /** Entries per element of the read ({@link BatchedSource}). */
  static final int BATCH = 1000;

  private final SnapshotStore store;
  private final @Nullable Manifest base;
  private final AttributeLayout currentLayout;

  private ReadSnapshot(SnapshotStore store, @Nullable Manifest base, AttributeLayout currentLayout) {
    this.store = store;
    this.base = base;
    this.currentLayout = currentLayout;
  }

  /**
   * @param base the manifest of the committed run to read, or null for a first run
   */
  public static ReadSnapshot of(
      SnapshotStore store, @Nullable Manifest base, AttributeLayout currentLayout) {
    return new ReadSnapshot(store, base, currentLayout);
  }

  @Override
  public PCollection<SnapshotEntry> expand(PBegin input) {
    if (base == null) {
      return input.apply("NoPreviousSnapshot", Create.empty(SnapshotEntryCoder.of()));
    }
    AttributeLayout from = base.attributeLayout();
    AttributeLayout to = currentLayout;
    AvroSource<SnapshotEntry> files =
        AvroSource.from(store.entriesGlob(base.runId()))
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)
            .withParseFn(SnapshotAvro::fromAvro, SnapshotEntryCoder.of());
    PCollection<SnapshotEntry> entries =
        input
            .apply("ReadEntries", Read.from(BatchedSource.of(files, BATCH)))
            .apply("EntriesOfBatches", Flatten.iterables())
            .setCoder(SnapshotEntryCoder.of());
    if (from.equals(to)) {
      return entries;
    }
    return entries
        .apply(
            "ProjectOntoCurrentMapping",
            MapElements.into(TypeDescriptor.of(SnapshotEntry.class))
                .via(entry -> entry.project(from, to)))
        .setCoder(SnapshotEntryCoder.of());
  }
}
