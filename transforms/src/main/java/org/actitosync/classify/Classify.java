package org.actitosync.classify;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.change.NextEntries;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.coders.EntryBatchCoder;
import org.actitosync.coders.PackedRowCoder;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.count.Tally;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.RunCounts;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Joins the current mapped rows ({@link #ROWS}) with the previous snapshot's entries ({@link
 * #PREVIOUS}) by key with CoGroupByKey and classifies every key with a {@link Classifier}.
 *
 * <p>Outputs: {@link #CHANGES} (INSERT, UPDATE, DELETE) and {@link #REJECTED}, each key in at most
 * one; {@link #UNSENT_ENTRIES}, the next snapshot's entry of every key not sent (UNCHANGED, SKIPPED,
 * REJECTED: {@link NextEntries#forUnsent}), so the keys a run does not write reach the next snapshot
 * as their small entry, not as a whole classification, and leave the classification in {@link
 * EntryBatch}es (decoded right after, in the same task); and {@link #COUNTS}, the rows, keys and
 * unsent entries counted per bundle (so none needs a second pass to be counted). Deterministic: a
 * retried bundle produces the same classifications and counts. Counts per kind are also reported as Beam
 * counters in namespace {@code actito-sync} ({@code classified_<KIND>}, {@code rejected_<RULE>}),
 * and each change (INSERT, UPDATE, DELETE) updates the distribution {@value #CHANGES_AT} with the
 * time it was classified (epoch milliseconds), so a launcher can tell when the last change left.
 *
 * <p>The rows cross the join packed ({@link PackedRow}, {@link PackedRowCoder}): each is digested
 * and encoded once on the source side, so the join moves bytes, and a key is decoded only when it
 * is not unchanged by its digests ({@link PackedClassifier}); the classifications are those of
 * {@link Classifier#classify} on the rows.
 */
public final class Classify extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<MappedRecord> ROWS = new TupleTag<MappedRecord>() {};
  public static final TupleTag<SnapshotEntry> PREVIOUS = new TupleTag<SnapshotEntry>() {};

  public static final TupleTag<Classification> CHANGES = new TupleTag<Classification>() {};
  public static final TupleTag<Classification> REJECTED = new TupleTag<Classification>() {};
  /**
   * The next snapshot's entry of every key not sent (UNCHANGED, SKIPPED, REJECTED), exactly {@link
   * NextEntries#forUnsent} of its classification; a key that leaves the snapshot has none.
   */
  public static final TupleTag<SnapshotEntry> UNSENT_ENTRIES = new TupleTag<SnapshotEntry>() {};
  /**
   * Partial counts, one per label and bundle, to be summed per label: {@code rows} (source rows
   * joined), {@code classified.<KIND>}, {@code rejected.<RULE>}, and the labels of the {@link
   * #UNSENT_ENTRIES} ({@link RunCounts#entryLabels}: {@code entries}, {@code entries.owned}, {@code
   * failStreak.<N>}), so that those entries, most of the next snapshot, need no consumer of their own
   * to be counted (see {@link RunCounts}).
   */
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<KV<String, Long>>() {};
  public static final String ROWS_LABEL = "rows";
  /** The distribution each change updates with the time it was classified (namespace {@code actito-sync}). */
  public static final String CHANGES_AT = "stage.classify.at";

  private final Classifier classifier;
  /** Every output; false for {@link #forPlan()}: no {@link #UNSENT_ENTRIES}, no {@link #COUNTS}. */
  private final boolean allOutputs;
  /** The most unsent entries per {@link EntryBatch}. */
  private final int unsentBatchSize;

  private Classify(Classifier classifier, boolean allOutputs, int unsentBatchSize) {
    this.classifier = classifier;
    this.allOutputs = allOutputs;
    this.unsentBatchSize = unsentBatchSize;
  }

  public static Classify with(Classifier classifier) {
    return new Classify(classifier, true, EntryBatch.MAX_SIZE);
  }

  /** The same classification with batches of up to {@code size} unsent entries (tests). */
  Classify withUnsentBatchSize(int size) {
    return new Classify(classifier, allOutputs, size);
  }

  /**
   * The same classification for a plan (a dry run), whose output tuple holds only {@link #CHANGES}
   * and {@link #REJECTED}: no {@link #UNSENT_ENTRIES} (most keys of a run are unchanged; not
   * emitting them saves moving them to no consumer) and no {@link #COUNTS} (a plan commits nothing;
   * the kinds are still counted in the Beam counters). An output nobody reads is not free on Flink
   * batch: each is a pruning task and a discarding sink of its own, part of a small run's fixed cost.
   */
  public Classify forPlan() {
    return new Classify(classifier, false, unsentBatchSize);
  }

  /** Convenience: the input tuple from the current rows and the previous entries. */
  public static PCollectionTuple input(
      PCollection<MappedRecord> rows, PCollection<SnapshotEntry> previous) {
    return PCollectionTuple.of(ROWS, rows).and(PREVIOUS, previous);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    TupleTag<PackedRow> rowsTag = new TupleTag<>();
    TupleTag<SnapshotEntry> previousTag = new TupleTag<>();
    PackedClassifier packed = new PackedClassifier(classifier);
    PCollection<KV<String, PackedRow>> rows =
        input
            .get(ROWS)
            .apply("KeyRows", ParDo.of(new KeyRowsFn(packed)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), PackedRowCoder.of()));
    PCollection<KV<String, SnapshotEntry>> previous =
        input
            .get(PREVIOUS)
            .apply(
                "KeyEntries",
                WithKeys.<String, SnapshotEntry>of(SnapshotEntry::key)
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SnapshotEntryCoder.of()));
    TupleTag<EntryBatch> unsentTag = new TupleTag<EntryBatch>() {};
    PCollectionTuple out =
        KeyedPCollectionTuple.of(rowsTag, rows)
            .and(previousTag, previous)
            .apply("JoinByKey", CoGroupByKey.create())
            .apply(
                "ClassifyKeys",
                ParDo.of(new ClassifyFn(packed, allOutputs, unsentBatchSize, rowsTag, previousTag, unsentTag))
                    .withOutputTags(
                        CHANGES,
                        allOutputs
                            ? TupleTagList.of(REJECTED).and(unsentTag).and(COUNTS)
                            : TupleTagList.of(REJECTED)));
    out.get(CHANGES).setCoder(ClassificationCoder.of());
    out.get(REJECTED).setCoder(ClassificationCoder.of());
    PCollectionTuple result = PCollectionTuple.of(CHANGES, out.get(CHANGES)).and(REJECTED, out.get(REJECTED));
    if (!allOutputs) {
      return result;
    }
    out.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollection<SnapshotEntry> unsent =
        out.get(unsentTag)
            .setCoder(EntryBatchCoder.of())
            .apply("UnsentEntries", FlatMapElements.into(TypeDescriptor.of(SnapshotEntry.class)).via(EntryBatch::entries))
            .setCoder(SnapshotEntryCoder.of());
    return result.and(UNSENT_ENTRIES, unsent).and(COUNTS, out.get(COUNTS));
  }

  /**
   * Keys a source row (a null key as the empty key) and packs it ({@link PackedClassifier#pack}):
   * on the source side, so the join moves its bytes, never its fields.
   */
  private static final class KeyRowsFn extends DoFn<MappedRecord, KV<String, PackedRow>> {
    private final PackedClassifier packed;

    KeyRowsFn(PackedClassifier packed) {
      this.packed = packed;
    }

    @ProcessElement
    public void process(@Element MappedRecord row, OutputReceiver<KV<String, PackedRow>> out) {
      out.output(KV.of(row.key() == null ? "" : row.key(), packed.pack(row)));
    }
  }

  private static final class ClassifyFn extends DoFn<KV<String, CoGbkResult>, Classification> {
    private final PackedClassifier classifier;
    private final boolean allOutputs;
    private final int unsentBatchSize;
    private final TupleTag<PackedRow> rowsTag;
    private final TupleTag<SnapshotEntry> previousTag;
    private final TupleTag<EntryBatch> unsentTag;
    private final Counter[] counters = new Counter[org.actitosync.change.ChangeKind.values().length];
    private final Distribution changesAt = Metrics.distribution("actito-sync", CHANGES_AT);

    ClassifyFn(
        PackedClassifier classifier,
        boolean allOutputs,
        int unsentBatchSize,
        TupleTag<PackedRow> rowsTag,
        TupleTag<SnapshotEntry> previousTag,
        TupleTag<EntryBatch> unsentTag) {
      this.classifier = classifier;
      this.allOutputs = allOutputs;
      this.unsentBatchSize = unsentBatchSize;
      this.rowsTag = rowsTag;
      this.previousTag = previousTag;
      this.unsentTag = unsentTag;
      for (org.actitosync.change.ChangeKind kind : org.actitosync.change.ChangeKind.values()) {
        counters[kind.ordinal()] = Metrics.counter("actito-sync", "classified_" + kind);
      }
    }

    /** The bundle's counts for {@link #COUNTS}; null for a plan, which has no such output. */
    private transient @Nullable Tally tally;
    /** The bundle's unsent entries not yet output; null for a plan. */
    private transient EntryBatch.@Nullable Builder unsent;

    @StartBundle
    public void start() {
      tally = allOutputs ? new Tally() : null;
      unsent = allOutputs ? new EntryBatch.Builder(unsentBatchSize) : null;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      List<PackedRow> rows = new ArrayList<>(1);
      joined.getValue().getAll(rowsTag).forEach(rows::add);
      SnapshotEntry previous = null;
      for (SnapshotEntry entry : joined.getValue().getAll(previousTag)) {
        if (previous != null) {
          throw new IllegalStateException("snapshot holds key " + joined.getKey() + " twice");
        }
        previous = entry;
      }
      Classification c = classifier.classify(joined.getKey(), rows, previous);
      counters[c.kind().ordinal()].inc();
      boolean rejectedByRule = c.kind() == org.actitosync.change.ChangeKind.REJECTED && c.rule() != null;
      if (rejectedByRule) {
        Metrics.counter("actito-sync", "rejected_" + c.rule()).inc();
      }
      if (tally != null) {
        if (!rows.isEmpty()) {
          tally.add(ROWS_LABEL, rows.size());
        }
        tally.add("classified." + c.kind());
        if (rejectedByRule) {
          tally.add("rejected." + c.rule());
        }
      }
      if (c.kind().isChange()) {
        changesAt.update(System.currentTimeMillis());
        out.get(CHANGES).output(c);
        return;
      }
      if (c.kind() == org.actitosync.change.ChangeKind.REJECTED) {
        out.get(REJECTED).output(c);
      }
      if (unsent != null && tally != null) {
        SnapshotEntry next = NextEntries.forUnsent(c);
        if (next != null) {
          for (String label : RunCounts.entryLabels(next)) {
            tally.add(label);
          }
          if (unsent.add(next)) {
            out.get(unsentTag).output(unsent.take());
          }
        }
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext context) {
      if (tally == null || unsent == null) {
        return; // a plan has no COUNTS output, no UNSENT_ENTRIES
      }
      if (!unsent.isEmpty()) {
        context.output(unsentTag, unsent.take(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      for (KV<String, Long> count : tally.drain()) {
        context.output(COUNTS, count, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }
}
