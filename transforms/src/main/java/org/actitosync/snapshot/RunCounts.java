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
 * The counts recorded in a run's manifest: {@code rows} for the source rows read, {@code
 * classified.<KIND>} for every key, {@code rejected.<RULE>} for every rejected key, {@code
 * outcome.<STATUS>} for every change sent, {@code entries} and {@code entries.owned} for the next
 * snapshot, and {@code failStreak.<N>} for the entries whose key failed in the last N consecutive
 * runs (N ≥ 1). Computed in the pipeline, so they are exact on every runner; later runs read them
 * back (warnings compare rows read with the average of the last runs).
 */
public final class RunCounts extends PTransform<PBegin, PCollection<KV<String, Long>>> {
  public static final String ROWS = "rows";
  public static final String FAIL_STREAK_PREFIX = "failStreak.";

  private final PCollection<?> rows;
  private final PCollection<Classification> classified;
  private final PCollection<WriteOutcome> outcomes;
  private final PCollection<SnapshotEntry> entries;

  private RunCounts(
      PCollection<?> rows,
      PCollection<Classification> classified,
      PCollection<WriteOutcome> outcomes,
      PCollection<SnapshotEntry> entries) {
    this.rows = rows;
    this.classified = classified;
    this.outcomes = outcomes;
    this.entries = entries;
  }

  public static RunCounts of(
      PCollection<?> rows,
      PCollection<Classification> classified,
      PCollection<WriteOutcome> outcomes,
      PCollection<SnapshotEntry> entries) {
    return new RunCounts(rows, classified, outcomes, entries);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PBegin begin) {
    PCollection<String> labels =
        PCollectionList.of(
                rows.apply("RowLabels", MapElements.into(TypeDescriptors.strings()).via(r -> ROWS)))
            .and(
                classified.apply(
                    "ClassifiedLabels",
                    MapElements.into(TypeDescriptors.strings()).via(c -> "classified." + c.kind())))
            .and(
                classified
                    .apply("RejectedKeys", org.apache.beam.sdk.transforms.Filter.by(
                        c -> c.kind() == org.actitosync.change.ChangeKind.REJECTED && c.rule() != null))
                    .apply(
                        "RejectedLabels",
                        MapElements.into(TypeDescriptors.strings()).via(c -> "rejected." + c.rule())))
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
            .and(
                entries
                    .apply("FailingEntries", org.apache.beam.sdk.transforms.Filter.by(e -> e.failStreak() > 0))
                    .apply(
                        "FailStreakLabels",
                        MapElements.into(TypeDescriptors.strings())
                            .via(e -> FAIL_STREAK_PREFIX + e.failStreak())))
            .apply("AllLabels", Flatten.pCollections());
    return labels
        .apply("CountLabels", Count.perElement())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
