package org.actitosync.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classify;
import org.actitosync.count.LabelCounts;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The counts recorded in a run's manifest: {@code rows} for the source rows read, {@code
 * classified.<KIND>} for every key, {@code rejected.<RULE>} for every rejected key, {@code
 * outcome.<STATUS>} for every change sent, {@code entries} and {@code entries.owned} for the next
 * snapshot, and {@code failStreak.<N>} for the entries whose key failed in the last N consecutive
 * runs (N ≥ 1). Computed in the pipeline, so they are exact on every runner; later runs read them
 * back (warnings compare rows read with the average of the last runs).
 */
public final class RunCounts extends PTransform<PBegin, PCollection<KV<String, Long>>> {
  public static final String ROWS = Classify.ROWS_LABEL;
  public static final String FAIL_STREAK_PREFIX = "failStreak.";

  private final PCollection<KV<String, Long>> classifyCounts;
  private final PCollection<WriteOutcome> outcomes;
  private final PCollectionList<SnapshotEntry> entries;

  private RunCounts(
      PCollection<KV<String, Long>> classifyCounts,
      PCollection<WriteOutcome> outcomes,
      PCollectionList<SnapshotEntry> entries) {
    this.classifyCounts = classifyCounts;
    this.outcomes = outcomes;
    this.entries = entries;
  }

  /**
   * @param classifyCounts {@link Classify#COUNTS}: rows, keys per kind, rejected keys per rule, and
   *     the labels of the entries of the keys not sent ({@link Classify#UNSENT_ENTRIES})
   * @param outcomes the write outcomes
   * @param entries the parts of the next snapshot that {@code classifyCounts} does not count (the
   *     entries of the keys sent), counted part by part, then summed
   */
  public static RunCounts of(
      PCollection<KV<String, Long>> classifyCounts,
      PCollection<WriteOutcome> outcomes,
      PCollectionList<SnapshotEntry> entries) {
    return new RunCounts(classifyCounts, outcomes, entries);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PBegin begin) {
    PCollectionList<KV<String, Long>> counts =
        PCollectionList.of(classifyCounts)
            .and(outcomes.apply("OutcomeLabels", LabelCounts.of(o -> List.of("outcome." + o.status()))));
    for (int i = 0; i < entries.size(); i++) {
      counts = counts.and(entries.get(i).apply("EntryLabels" + i, LabelCounts.of(RunCounts::entryLabels)));
    }
    return counts
        .apply("AllCounts", Flatten.pCollections())
        .apply("SumPerLabel", Sum.longsPerKey())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /**
   * The labels an entry of the next snapshot is counted under: {@code entries}, {@code
   * entries.owned} if it is owned, {@code failStreak.<N>} if its key failed in the last N runs.
   */
  public static List<String> entryLabels(SnapshotEntry e) {
    List<String> labels = new ArrayList<>(3);
    labels.add("entries");
    if (e.owned()) {
      labels.add("entries.owned");
    }
    if (e.failStreak() > 0) {
      labels.add(FAIL_STREAK_PREFIX + e.failStreak());
    }
    return labels;
  }
}
