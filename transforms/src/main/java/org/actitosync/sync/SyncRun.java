package org.actitosync.sync;

import com.google.auto.value.AutoValue;
import org.actitosync.change.Classification;
import org.actitosync.change.NextSnapshot;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.Classify;
import org.actitosync.classify.SyncMode;
import org.actitosync.coders.ClassificationCoder;
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
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Wires one run of an activation after its source (design.md section 1): read the base snapshot,
 * classify against the mapped rows, write the changes with the given writer, build the next
 * snapshot from the outcomes, write it under {@code runs/<runId>/} and commit it.
 *
 * <p>The writer is a parameter: the real Actito writer in the job, a stand-in in tests. Nothing
 * here writes to Actito.
 */
public final class SyncRun {
  private SyncRun() {}

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

  /** Every output of a run, for the job's report and for tests. */
  @AutoValue
  public abstract static class Result {
    public abstract PCollection<Classification> changes();

    public abstract PCollection<Classification> unchanged();

    public abstract PCollection<Classification> skipped();

    public abstract PCollection<Classification> rejected();

    public abstract PCollection<WriteOutcome> outcomes();

    public abstract PCollection<SnapshotEntry> nextSnapshot();

    /** The committed run id (one element) once the commit step succeeded. */
    public abstract PCollection<String> committed();
  }

  /**
   * The first half of a run: the base snapshot read and joined with the rows, every key classified
   * (tags of {@link Classify}).
   */
  public static PCollectionTuple classify(Pipeline pipeline, PCollection<MappedRecord> rows, Spec spec) {
    return classify(pipeline, rows, spec, false);
  }

  /**
   * The classification of a dry run: as {@link #classify}, with the unchanged and skipped keys
   * counted but not emitted ({@link Classify#withoutUnsentKeys()}), since a plan shows only the
   * changes and the rejected keys.
   */
  public static PCollectionTuple plan(Pipeline pipeline, PCollection<MappedRecord> rows, Spec spec) {
    return classify(pipeline, rows, spec, true);
  }

  private static PCollectionTuple classify(
      Pipeline pipeline, PCollection<MappedRecord> rows, Spec spec, boolean changesOnly) {
    PCollection<SnapshotEntry> previous =
        pipeline.apply("ReadSnapshot", ReadSnapshot.of(spec.store(), spec.base(), spec.layout()));
    Classifier classifier =
        new Classifier(spec.mode(), new RecordDigester(spec.layout()), spec.runNumber(), spec.fullResync());
    Classify classify = Classify.with(classifier);
    return Classify.input(rows, previous)
        .apply("Classify", changesOnly ? classify.withoutUnsentKeys() : classify);
  }

  public static Result expand(
      Pipeline pipeline,
      PCollection<MappedRecord> rows,
      Spec spec,
      PTransform<PCollection<Classification>, PCollection<WriteOutcome>> writer) {
    PCollectionTuple classified = classify(pipeline, rows, spec);
    PCollection<Classification> changes = classified.get(Classify.CHANGES);
    PCollection<Classification> toWrite =
        spec.guard() == null
            ? changes
            : changes.apply(
                "Guards",
                Guard.of(spec.guard(), spec.snapshotKeys(), spec.mappingChanged(), classified.get(Classify.COUNTS)));
    PCollection<WriteOutcome> outcomes =
        toWrite.apply("WriteToActito", writer).setCoder(WriteOutcomeCoder.of());
    PCollection<Classification> unsent =
        PCollectionList.of(classified.get(Classify.UNCHANGED))
            .and(classified.get(Classify.SKIPPED))
            .and(classified.get(Classify.REJECTED))
            .apply("UnsentKeys", Flatten.pCollections())
            .setCoder(ClassificationCoder.of());
    PCollection<SnapshotEntry> next =
        NextSnapshot.input(outcomes, unsent)
            .apply("NextSnapshot", NextSnapshot.of(spec.runNumber(), spec.layout().size()));
    var written = next.apply("WriteSnapshot", WriteSnapshot.to(spec.store(), spec.runId()));
    PCollection<String> committed =
        pipeline
            .apply("Counts", RunCounts.of(classified.get(Classify.COUNTS), outcomes, next))
            .apply(
                "CommitSnapshot",
                CommitSnapshot.of(
                    spec.store(),
                    spec.manifest(),
                    spec.keepRuns(),
                    written.getPerDestinationOutputFilenames()));
    return new AutoValue_SyncRun_Result(
        changes,
        classified.get(Classify.UNCHANGED),
        classified.get(Classify.SKIPPED),
        classified.get(Classify.REJECTED),
        outcomes,
        next,
        committed);
  }
}
