package org.actitosync.snapshot;

import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.record.AttributeLayout;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Create;
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
 */
public final class ReadSnapshot extends PTransform<PBegin, PCollection<SnapshotEntry>> {
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
    PCollection<SnapshotEntry> entries =
        input
            .apply(
                "ReadEntries",
                AvroIO.parseGenericRecords(SnapshotAvro::fromAvro)
                    .from(store.entriesGlob(base.runId()))
                    .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)
                    .withCoder(SnapshotEntryCoder.of()));
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
