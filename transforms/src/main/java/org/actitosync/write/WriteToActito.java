package org.actitosync.write;

import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.coders.WriteOutcomeCoder;
import org.actitosync.snapshot.WriteRunFile;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes a run's changes to Actito and returns one {@link WriteOutcome} per change (design.md
 * section 4):
 *
 * <ol>
 *   <li>the strategy is chosen once for the run from the change counts ({@link StrategyChooser});
 *   <li>with "insert missing profiles" on, the distinct referenced profiles are ensured first,
 *       record by record (a lookup, then a create) or in bulk (CREATE_ONLY ETL executions on the
 *       profile table), chosen by the same cost model ({@link ProfileSteps}); a change whose profile
 *       could not be created is not sent: its outcome is the profile's reason (REJECTED or FAILED,
 *       see {@link ProfileGate});
 *   <li>deletes, and creates and updates under the RECORDS strategy, go to the run's one record
 *       writer ({@link RecordWriterFn}): a single key, so one worker at a time, with at most
 *       {@code write.concurrency} requests in flight;
 *   <li>under the BULK strategy (create-or-update modes only) creates and updates then go as v5
 *       ETL executions, one at a time, after the record calls.
 * </ol>
 *
 * <p>Limits by construction, on any runner: the writer steps run one after another (each waits
 * for the steps before it), each is a single logical writer, and each starts its calls-per-minute
 * budget from the call starts of the last minute the steps before it left ({@link CallHistory}, a
 * side input of the record writer), or, for the bulk writer, which must take no side input (see
 * {@link OneGroupFn}), as if the last minute had used the whole budget. So, over the whole run and whatever the workers, no more
 * than {@code write.concurrency} requests are in flight, no sliding minute holds more than {@code
 * write.callsPerMinute} calls (token mints, retries, polls, profile calls included), and a {@code
 * Retry-After} holds every call of the step. No JVM-wide state is involved.
 *
 * <p>Guarantees: at-least-once calls, all idempotent (upserts, update-only, 404-tolerant deletes,
 * lookup-then-create), so a bundle retried by the runner or a rerun after a crash converges to the
 * same destination. An authentication error or an outage fails the run (nothing is committed).
 */
public final class WriteToActito
    extends PTransform<PCollection<Classification>, PCollection<WriteOutcome>> {
  private static final TupleTag<KV<Integer, Classification>> RECORDS = new TupleTag<KV<Integer, Classification>>() {};
  private static final TupleTag<KV<Integer, Classification>> BULK = new TupleTag<KV<Integer, Classification>>() {};

  private static final TupleTag<WriteOutcome> OUTCOMES = new TupleTag<WriteOutcome>() {};
  /** The one key of every writer step's input: one key, so one writer at a time per step. */
  static final int ONE_WRITER = 0;
  static final SerializableCoder<CallHistory> HISTORY_CODER = SerializableCoder.of(CallHistory.class);

  private final WriterConfig config;
  private final @org.checkerframework.checker.nullness.qual.Nullable String choiceFile;

  private WriteToActito(WriterConfig config, @org.checkerframework.checker.nullness.qual.Nullable String choiceFile) {
    this.config = config;
    this.choiceFile = choiceFile;
  }

  public static WriteToActito with(WriterConfig config) {
    return new WriteToActito(config, null);
  }

  /** Also writes the run's strategy choice as one JSON object to {@code file} (for the report). */
  public WriteToActito withChoiceFile(String file) {
    return new WriteToActito(config, file);
  }

  /**
   * Writes the strategy choice as one JSON line to {@code file} (a single file, written by a plain
   * {@code DoFn}: the choice is one element, the same for every retry; see {@link WriteRunFile}).
   */
  public static void writeChoice(PCollection<StrategyChooser.Choice> choice, String file) {
    writeChoice(choice, file, "");
  }

  private static void writeChoice(PCollection<StrategyChooser.Choice> choice, String file, String prefix) {
    choice
        .apply(prefix + "ChoiceAsJson", MapElements.into(TypeDescriptors.strings()).via(StrategyChooser.Choice::toJson))
        .apply(prefix + "WriteChoice", WriteRunFile.to(file));
  }

  /**
   * Where the profile strategy goes, next to the records' {@code file}: {@code strategy.json} →
   * {@code strategy-profiles.json}.
   */
  public static String profileChoiceFile(String file) {
    return file.endsWith(".json") ? file.substring(0, file.length() - 5) + "-profiles.json" : file + "-profiles";
  }

  /**
   * The dead letters of a run's outcomes: one JSON line per REJECTED or FAILED change (see {@link
   * org.actitosync.change.DeadLetters}).
   */
  public static PCollection<String> deadLetters(PCollection<WriteOutcome> outcomes, String runId) {
    return outcomes
        .apply("DeadLetters", ParDo.of(new DoFn<WriteOutcome, String>() {
          @ProcessElement
          public void process(@Element WriteOutcome outcome, OutputReceiver<String> out) {
            String line = org.actitosync.change.DeadLetters.of(outcome, runId);
            if (line != null) {
              out.output(line);
            }
          }
        }))
        .setCoder(StringUtf8Coder.of());
  }

  /**
   * The run's write strategy as a one-element collection: counted from the changes, chosen by cost
   * ({@link StrategyChooser}) and counted in the metrics. Used by the writer and by dry runs.
   */
  public static PCollection<StrategyChooser.Choice> chooseStrategy(
      PCollection<Classification> changes, WriterConfig config) {
    return changes
        .apply("CountChanges", Combine.globally(new ChangeStats.Fn()))
        .apply("ChooseStrategy", MapElements.into(TypeDescriptor.of(StrategyChooser.Choice.class))
            .via((ChangeStats stats) -> {
              StrategyChooser.Choice chosen = choose(config, stats);
              WriterMetrics.strategy(chosen.strategy());
              return chosen;
            }))
        .setCoder(SerializableCoder.of(StrategyChooser.Choice.class));
  }

  /**
   * For a dry run with the profiles option: writes the profile strategy the run would choose to
   * {@code choiceFile} and returns one JSON line per profile the run would create (referenced by a
   * change and not found by a read-only lookup), with its attributes, for the plan's files.
   */
  public static PCollection<String> planProfiles(
      PCollection<Classification> changes, WriterConfig config, String choiceFile) {
    ProfileSteps.Planned planned = ProfileSteps.planned(changes, config);
    writeChoice(planned.choice, choiceFile, "Profile");
    return planned.lines;
  }

  /** The strategy a run with these stats gets under {@code config}. */
  static StrategyChooser.Choice choose(WriterConfig config, ChangeStats stats) {
    StrategyChooser chooser =
        new StrategyChooser(config.callsPerMinute(), config.maxImportsPerRun(),
            config.client().maxImportBytes(), config.importDuration(), 5);
    return chooser.choose(stats.upserts, stats.deletes, stats.callsPerChange(), stats.bytesPerRow(),
        config.strategy(), stats.onlyCreateOrUpdate());
  }

  @Override
  public PCollection<WriteOutcome> expand(PCollection<Classification> changes) {
    WriterConfig c = config;
    PCollection<StrategyChooser.Choice> chosen = chooseStrategy(changes, c);
    if (choiceFile != null) {
      writeChoice(chosen, choiceFile);
    }
    PCollectionView<StrategyChooser.Choice> choice = chosen.apply("StrategyView", View.asSingleton());

    PCollection<Classification> toWrite = changes;
    PCollectionList<WriteOutcome> outcomes = PCollectionList.empty(changes.getPipeline());
    PCollection<CallHistory> profileHistory;
    if (c.profiles() != null) {
      ProfileSteps.Ensured ensured = ProfileSteps.ensure(changes, c);
      if (choiceFile != null) {
        writeChoice(ensured.choice, profileChoiceFile(choiceFile), "Profile");
      }
      PCollectionView<Map<String, ProfileOutcome>> notEnsured =
          ensured.outcomes
              .apply("ProfilesNotEnsured", Filter.by(kv -> !kv.getValue().ensured()))
              .apply("NotEnsuredView", View.asMap());
      PCollectionTuple gated = changes.apply("HoldRowsOfMissingProfiles",
          ParDo.of(new ProfileGate(c, notEnsured)).withSideInputs(notEnsured)
              .withOutputTags(ProfileGate.PASSED, TupleTagList.of(ProfileGate.HELD)));
      toWrite = gated.get(ProfileGate.PASSED).setCoder(ClassificationCoder.of());
      outcomes = outcomes.and(gated.get(ProfileGate.HELD).setCoder(WriteOutcomeCoder.of()));
      profileHistory = ensured.history;
    } else {
      profileHistory = changes.getPipeline().apply("NoProfileStep", Create.empty(HISTORY_CODER));
    }
    PCollectionView<Iterable<CallHistory>> afterProfiles =
        profileHistory.apply("AfterProfiles", View.asIterable());

    PCollectionTuple routed =
        toWrite.apply("RouteByStrategy",
            ParDo.of(new RouteFn(choice)).withSideInputs(choice)
                .withOutputTags(RECORDS, TupleTagList.of(BULK)));
    KvCoder<Integer, Classification> keyedCoder = KvCoder.of(VarIntCoder.of(), ClassificationCoder.of());
    PCollectionTuple recordsWritten = routed.get(RECORDS).setCoder(keyedCoder)
        .apply("BatchRecordCalls", GroupIntoBatches.ofSize(PacedBatchFn.BATCH))
        .apply("WriteRecords", ParDo.of(new RecordWriterFn(c, afterProfiles)).withSideInputs(afterProfiles)
            .withOutputTags(OUTCOMES, TupleTagList.of(PacedBatchFn.HISTORY)));
    PCollection<WriteOutcome> recordOutcomes = recordsWritten.get(OUTCOMES).setCoder(WriteOutcomeCoder.of());
    PCollectionTuple bulkWritten = routed.get(BULK).setCoder(keyedCoder)
        .apply("AfterRecordCalls", Wait.on(recordsWritten.get(PacedBatchFn.HISTORY).setCoder(HISTORY_CODER)))
        .setCoder(keyedCoder)
        .apply("OneBulkGroup", GroupByKey.create())
        .apply("WriteBulkEtl", ParDo.of(new BulkWriterFn(c))
            .withOutputTags(OUTCOMES, TupleTagList.of(PacedBatchFn.HISTORY)));
    bulkWritten.get(PacedBatchFn.HISTORY).setCoder(HISTORY_CODER);
    return outcomes.and(recordOutcomes)
        .and(bulkWritten.get(OUTCOMES).setCoder(WriteOutcomeCoder.of()))
        .apply("AllOutcomes", Flatten.pCollections())
        .setCoder(WriteOutcomeCoder.of());
  }

  /**
   * Sends each change to the record writer or the bulk writer, by strategy, under the single key
   * {@link #ONE_WRITER} that makes each of them one logical writer.
   */
  private static final class RouteFn extends DoFn<Classification, KV<Integer, Classification>> {
    private final PCollectionView<StrategyChooser.Choice> choice;
    private transient boolean reported;

    RouteFn(PCollectionView<StrategyChooser.Choice> choice) {
      this.choice = choice;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Classification change = context.element();
      StrategyChooser.Choice chosen = context.sideInput(choice);
      if (!reported) {
        reported = true;
        org.slf4j.LoggerFactory.getLogger(WriteToActito.class)
            .info("Write strategy {}: {}", chosen.strategy(), chosen.reason());
      }
      if (chosen.strategy() == Strategy.BULK
          && change.semantics() == org.actitosync.change.WriteSemantics.CREATE_OR_UPDATE) {
        context.output(BULK, KV.of(ONE_WRITER, change));
      } else {
        context.output(KV.of(ONE_WRITER, change));
      }
    }
  }
}
