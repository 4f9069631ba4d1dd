package org.actitosync.pipeline.launch;

import org.actitosync.change.Classification;
import org.actitosync.change.DeadLetters;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classify;
import org.actitosync.coders.LayoutRecordCoder;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.plan.PlanLines;
import org.actitosync.pipeline.source.RowMapping;
import org.actitosync.pipeline.source.SourceRead;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.snapshot.WriteRunLines;
import org.actitosync.sync.SyncRun;
import org.actitosync.write.WriteToActito;
import org.actitosync.write.WriterConfig;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The graph of one run of an activation (design.md section 1): source → mapping → classification
 * → writer → next snapshot → snapshot write → commit, plus the dead letters ({@code
 * runs/<runId>/rejected/}) and the strategy file the report reads. A dry run stops after the
 * classification and writes the plan ({@code runs/<runId>/plan/}) instead: nothing is written to
 * Actito and nothing is committed. With "insert missing profiles" on, the plan also lists the
 * profiles the run would create ({@code plan/profiles*.jsonl}: looked up read-only, one line each
 * with its attributes).
 *
 * <p>The source is a parameter so tests can swap it; {@link #source(ActivationConfig,
 * org.actitosync.record.AttributeLayout)} is the configured one. The run's progress and report
 * read the Beam metrics of steps that are there anyway (rows read in {@link RowMapping}, changes
 * in {@link Classify}, outcomes in the writer): no step is added to count.
 */
public final class ActivationJob {
  public static final String STRATEGY_FILE = "strategy.json";
  /** The profile strategy, written next to {@link #STRATEGY_FILE} (see {@link WriteToActito#profileChoiceFile}). */
  public static final String PROFILE_STRATEGY_FILE = WriteToActito.profileChoiceFile(STRATEGY_FILE);

  private ActivationJob() {}

  public static PTransform<PBegin, PCollection<MappedRecord>> source(
      ActivationConfig config, org.actitosync.record.AttributeLayout layout) {
    return SourceRead.of(config.source(), RowMapping.of(config, layout));
  }

  public static void build(Pipeline pipeline, RunContext run) {
    build(pipeline, run,
        SourceRead.of(run.config().source(), RowMapping.of(run.config(), run.layout(), run.profileColumns())));
  }

  /**
   * The graph with {@code source} in place of the configured one. Its rows count as read (report
   * and progress) only if it maps them with a {@link RowMapping}, as every configured source does.
   */
  public static void build(
      Pipeline pipeline, RunContext run, PTransform<PBegin, PCollection<MappedRecord>> source) {
    SnapshotStore store = run.store();
    String runId = run.runId();
    PCollection<MappedRecord> rows =
        pipeline
            .apply("ReadSource", source)
            .setCoder(LayoutRecordCoder.of(run.layout()));
    WriterConfig.Builder writerBuilder =
        run.config().writerConfig(run.layout(), run.profileColumns()).setRunKey(runId);
    if (run.pacing() != null) {
      writerBuilder.setPacing(run.pacing());
    }
    WriterConfig writer = writerBuilder.build();
    if (run.dryRun()) {
      PCollectionTuple classified = rows.apply("Plan", SyncRun.plan(run.spec()));
      PCollection<Classification> changes = classified.get(Classify.CHANGES);
      WriteToActito.writeChoice(
          WriteToActito.chooseStrategy(changes, writer), store.runPrefix(runId, "plan/" + STRATEGY_FILE));
      // every line of the plan (changes, dead letters, profiles) in one WriteFiles: see WriteRunLines
      PCollectionList<KV<String, String>> lines = PCollectionList.of(
              changes.apply("PlanLines", linesOf("plan/changes", PlanLines::of)))
          .and(classified.get(Classify.REJECTED)
              .apply("RejectedRows", linesOf("plan/rejected/part", c -> DeadLetters.of(c, runId))));
      if (writer.profiles() != null) {
        lines = lines.and(
            WriteToActito.planProfiles(changes, writer, store.runPrefix(runId, "plan/" + PROFILE_STRATEGY_FILE))
                .apply("ProfileLines", linesOf("plan/profiles", line -> line)));
      }
      lines.apply("AllPlanLines", Flatten.pCollections()).apply("WritePlan", WriteRunLines.to(store, runId));
      return;
    }
    SyncRun.Result result =
        rows.apply("SyncRun", SyncRun.of(run.spec(),
            WriteToActito.with(writer).withChoiceFile(store.runPrefix(runId, STRATEGY_FILE))));
    deadLetters(result.rejected(), result.outcomes(), store, runId);
  }

  /** Each element as a line of the run's file {@code prefix} (see {@link WriteRunLines}). */
  private static <T> MapElements<T, KV<String, String>> linesOf(String prefix, SerializableFunction<T, String> line) {
    return MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
        .via((T element) -> KV.of(prefix, line.apply(element)));
  }

  private static void deadLetters(
      PCollection<Classification> rejected,
      PCollection<WriteOutcome> outcomes,
      SnapshotStore store,
      String runId) {
    PCollection<String> fromRejected =
        rejected.apply("RejectedRows", MapElements.into(TypeDescriptors.strings()).via(c -> DeadLetters.of(c, runId)));
    PCollectionList.of(fromRejected).and(WriteToActito.deadLetters(outcomes, runId))
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", TextIO.write().to(store.runPrefix(runId, "rejected/part")).withSuffix(".jsonl"));
  }

}
