package org.actitosync.sync;

import com.google.auto.value.AutoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.change.NextSnapshot;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.Classify;
import org.actitosync.classify.SyncMode;
import org.actitosync.coders.WriteOutcomeCoder;
import org.actitosync.guard.Guard;
import org.actitosync.guard.GuardPolicy;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.CommitSnapshot;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.ReadSnapshot;
import org.actitosync.snapshot.RunCounts;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.snapshot.WriteSnapshot;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One run of an activation after its source (design.md section 1), applied to the mapped rows: read
 * the base snapshot, classify against the rows, write the changes with the given writer, build the
 * next snapshot from the outcomes, write it under {@code runs/<runId>/} and commit it.
 *
 * <pre>{@code
 * SyncRun.Result result = rows.apply("SyncRun", SyncRun.of(spec, writer));
 * result.outcomes();   // every write's outcome; result.committed(): the run id once committed
 * }</pre>
 *
 * <p>The writer is a parameter: the real Actito writer in the job, a stand-in in tests. Nothing
 * here writes to Actito. A dry run applies {@link #plan(Spec)} instead: the classification only.
 */
public final class SyncRun extends PTransform<PCollection<MappedRecord>, SyncRun.Result> {
  private static final long serialVersionUID = 1L;

  private final Spec spec;
  private final PTransform<PCollection<Classification>, PCollection<WriteOutcome>> writer;

  private SyncRun(Spec spec, PTransform<PCollection<Classification>, PCollection<WriteOutcome>> writer) {
    this.spec = spec;
    this.writer = writer;
  }

  /** The run {@code spec} describes, its changes written by {@code writer}. */
  public static SyncRun of(Spec spec, PTransform<PCollection<Classification>, PCollection<WriteOutcome>> writer) {
    return new SyncRun(spec, writer);
  }

  /** What one run is about. */
  @AutoValue
  public abstract static class Spec {
    public abstract SnapshotStore store();

    public abstract String runId();

    /** The committed run this one starts from, or null for the first run. */
    public abstract @Nullable Manifest base();

    public abstract AttributeLayout layout();

    public abstract SyncMode mode();

    public abstract int keepRuns();

    /** Send every present key again (see {@link Classifier}); deletes still from the snapshot. */
    public abstract boolean fullResync();

    /** The guards checked before anything is written, or null for none. */
    public abstract @Nullable GuardPolicy guard();

    public Spec withFullResync(boolean fullResync) {
      return new AutoValue_SyncRun_Spec(store(), runId(), base(), layout(), mode(), keepRuns(), fullResync, guard());
    }

    public Spec withGuard(@Nullable GuardPolicy guard) {
      return new AutoValue_SyncRun_Spec(store(), runId(), base(), layout(), mode(), keepRuns(), fullResync(), guard);
    }

    /** Keys this activation wrote, according to the base snapshot's manifest. */
    public long snapshotKeys() {
      return base() == null ? 0 : base().counts().getOrDefault("entries.owned", 0L);
    }

    public boolean mappingChanged() {
      return base() != null && !base().mappingFingerprint().equals(layout().fingerprint());
    }

    public int runNumber() {
      return base() == null ? 1 : base().runNumber() + 1;
    }

    public Manifest manifest() {
      return Manifest.of(
          store().activation(),
          runId(),
          base() == null ? null : base().runId(),
          runNumber(),
          layout(),
          java.util.Collections.emptyMap());
    }

    public static Spec of(
        SnapshotStore store,
        String runId,
        @Nullable Manifest base,
        AttributeLayout layout,
        SyncMode mode,
        int keepRuns) {
      return new AutoValue_SyncRun_Spec(store, runId, base, layout, mode, keepRuns, false, null);
    }
  }

  /**
   * Every output of a run, for the job's report and dead letters, and for tests: the changes and
   * rejected keys, the next entries of the keys not sent, the writer's outcomes, the next snapshot
   * and the commit signal.
   */
  public static final class Result implements POutput {
    private static final TupleTag<Classification> CHANGES = new TupleTag<>("changes");
    private static final TupleTag<SnapshotEntry> UNSENT_ENTRIES = new TupleTag<>("unsentEntries");
    private static final TupleTag<Classification> REJECTED = new TupleTag<>("rejected");
    private static final TupleTag<WriteOutcome> OUTCOMES = new TupleTag<>("outcomes");
    private static final TupleTag<SnapshotEntry> SENT_ENTRIES = new TupleTag<>("sentEntries");
    private static final TupleTag<String> COMMITTED = new TupleTag<>("committed");

    private final Pipeline pipeline;
    private final Map<TupleTag<?>, PValue> outputs;

    private Result(Pipeline pipeline, Map<TupleTag<?>, PValue> outputs) {
      this.pipeline = pipeline;
      this.outputs = outputs;
    }

    /** The keys to write (INSERT, UPDATE, DELETE), before the guards. */
    public PCollection<Classification> changes() {
      return get(CHANGES);
    }

    /**
     * The next snapshot's entries of the keys not sent (unchanged, skipped, rejected: {@link
     * Classify#UNSENT_ENTRIES}); the unchanged and skipped keys are counted, not emitted whole.
     */
    public PCollection<SnapshotEntry> unsentEntries() {
      return get(UNSENT_ENTRIES);
    }

    /** Rows refused before any write (the dead letters' first half). */
    public PCollection<Classification> rejected() {
      return get(REJECTED);
    }

    /** The writer's outcome of every change (the dead letters' second half: REJECTED and FAILED). */
    public PCollection<WriteOutcome> outcomes() {
      return get(OUTCOMES);
    }

    /** The next snapshot's entries of the keys sent, made from their outcomes. */
    public PCollection<SnapshotEntry> sentEntries() {
      return get(SENT_ENTRIES);
    }

    /**
     * The next snapshot, as the parts written (see {@link NextSnapshot}): {@link #sentEntries()}
     * and {@link #unsentEntries()}; flatten them for the whole.
     */
    public PCollectionList<SnapshotEntry> nextSnapshot() {
      return PCollectionList.of(sentEntries()).and(unsentEntries());
    }

    /** The committed run id (one element) once the commit step succeeded. */
    public PCollection<String> committed() {
      return get(COMMITTED);
    }

    @SuppressWarnings("unchecked")
    private <T> PCollection<T> get(TupleTag<T> tag) {
      return (PCollection<T>) outputs.get(tag);
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return outputs;
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  /**
   * The classification of a dry run: the base snapshot read and joined with the rows, every key
   * classified; the tuple holds only {@link Classify#CHANGES} and {@link Classify#REJECTED} ({@link
   * Classify#forPlan()}), since a plan shows only the changes and the rejected keys.
   */
  public static PTransform<PCollection<MappedRecord>, PCollectionTuple> plan(Spec spec) {
    return new PTransform<PCollection<MappedRecord>, PCollectionTuple>() {
      @Override
      public PCollectionTuple expand(PCollection<MappedRecord> rows) {
        return classify(rows, spec, true);
      }
    };
  }

  private static PCollectionTuple classify(PCollection<MappedRecord> rows, Spec spec, boolean changesOnly) {
    PCollection<SnapshotEntry> previous =
        rows.getPipeline().apply("ReadSnapshot", ReadSnapshot.of(spec.store(), spec.base(), spec.layout()));
    Classifier classifier =
        new Classifier(spec.mode(), new RecordDigester(spec.layout()), spec.runNumber(), spec.fullResync());
    Classify classify = Classify.with(classifier);
    return Classify.input(rows, previous)
        .apply("Classify", changesOnly ? classify.forPlan() : classify);
  }

  @Override
  public Result expand(PCollection<MappedRecord> rows) {
    Pipeline pipeline = rows.getPipeline();
    PCollectionTuple classified = classify(rows, spec, false);
    PCollection<Classification> changes = classified.get(Classify.CHANGES);
    PCollection<Classification> toWrite =
        spec.guard() == null
            ? changes
            : changes.apply(
                "Guards",
                Guard.of(spec.guard(), spec.snapshotKeys(), spec.mappingChanged(), classified.get(Classify.COUNTS)));
    PCollection<WriteOutcome> outcomes =
        toWrite.apply("WriteToActito", writer).setCoder(WriteOutcomeCoder.of());
    PCollection<SnapshotEntry> unsent = classified.get(Classify.UNSENT_ENTRIES);
    PCollectionList<SnapshotEntry> next =
        NextSnapshot.input(outcomes, unsent)
            .apply("NextSnapshot", NextSnapshot.of(spec.runNumber(), spec.layout().size()));
    PCollectionList<KV<Void, String>> written =
        next.apply("WriteSnapshot", WriteSnapshot.to(spec.store(), spec.runId()));
    PCollection<String> committed =
        pipeline
            // the unsent part's entries are counted where they are made (Classify.COUNTS)
            .apply("Counts", RunCounts.of(classified.get(Classify.COUNTS), outcomes, PCollectionList.of(next.get(0))))
            .apply(
                "CommitSnapshot",
                CommitSnapshot.of(
                    spec.store(),
                    spec.manifest(),
                    spec.keepRuns(),
                    written));
    Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>();
    outputs.put(Result.CHANGES, changes);
    outputs.put(Result.UNSENT_ENTRIES, unsent);
    outputs.put(Result.REJECTED, classified.get(Classify.REJECTED));
    outputs.put(Result.OUTCOMES, outcomes);
    outputs.put(Result.SENT_ENTRIES, next.get(0));
    outputs.put(Result.COMMITTED, committed);
    return new Result(pipeline, outputs);
  }
}
