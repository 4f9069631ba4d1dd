package org.actitosync.snapshot;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The counts recorded in a run's manifest: {@code classified.<KIND>} for every key, {@code
 * outcome.<STATUS>} for every change sent, {@code entries} and {@code entries.owned} for the next
 * snapshot. Computed in the pipeline, so they are exact on every runner.
 */
public final class RunCounts extends PTransform<PBegin, PCollection<KV<String, Long>>> {
  private final PCollection<Classification> classified;
  private final PCollection<WriteOutcome> outcomes;
  private final PCollection<SnapshotEntry> entries;

  private RunCounts(
      PCollection<Classification> classified,
      PCollection<WriteOutcome> outcomes,
      PCollection<SnapshotEntry> entries) {
    this.classified = classified;
    this.outcomes = outcomes;
    this.entries = entries;
  }

  public static RunCounts of(
      PCollection<Classification> classified,
      PCollection<WriteOutcome> outcomes,
      PCollection<SnapshotEntry> entries) {
    return new RunCounts(classified, outcomes, entries);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PBegin begin) {
    PCollection<String> labels =
        PCollectionList.of(
                classified.apply(
                    "ClassifiedLabels",
                    MapElements.into(TypeDescriptors.strings()).via(c -> "classified." + c.kind())))
            .and(
                outcomes.apply(
                    "OutcomeLabels",
                    MapElements.into(TypeDescriptors.strings()).via(o -> "outcome." + o.status())))
            .and(
                entries.apply(
                    "EntryLabels",
                    MapElements.into(TypeDescriptors.strings()).via(e -> "entries")))
            .and(
                entries
                    .apply(
                        "OwnedEntries",
                        org.apache.beam.sdk.transforms.Filter.by(SnapshotEntry::owned))
                    .apply(
                        "OwnedLabels",
                        MapElements.into(TypeDescriptors.strings()).via(e -> "entries.owned")))
            .apply("AllLabels", Flatten.pCollections());
    return labels
        .apply("CountLabels", Count.perElement())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
