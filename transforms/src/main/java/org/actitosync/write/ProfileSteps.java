package org.actitosync.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.change.Classification;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
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
 * The profile steps of the writer: the distinct profiles a run's changes reference (once per link
 * value, with the attributes a new one would get), ensured by the run's one profile writer
 * (looked up, and the missing ones created: {@link ProfileWriterFn}; or in bulk: {@link
 * ProfileBulkFn}), or, for a dry run, looked up and the missing ones listed ({@link
 * ProfileLookupFn}).
 */
final class ProfileSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final KvCoder<String, ProfileOutcome> OUTCOME_CODER =
      KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ProfileOutcome.class));
  static final KvCoder<String, Map<String, String>> REF_CODER =
      KvCoder.of(StringUtf8Coder.of(), MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  private static final KvCoder<Integer, KV<String, Map<String, String>>> KEYED_CODER =
      KvCoder.of(VarIntCoder.of(), REF_CODER);
  private static final TupleTag<KV<String, ProfileOutcome>> OUTCOMES =
      new TupleTag<KV<String, ProfileOutcome>>() {};
  private static final TupleTag<KV<String, Map<String, String>>> MISSING =
      new TupleTag<KV<String, Map<String, String>>>() {};
  private static final TupleTag<KV<Integer, KV<String, Map<String, String>>>> RECORDS =
      new TupleTag<KV<Integer, KV<String, Map<String, String>>>>() {};
  private static final TupleTag<KV<Integer, KV<String, Map<String, String>>>> BULK =
      new TupleTag<KV<Integer, KV<String, Map<String, String>>>>() {};
  /** Estimated CSV bytes of one profile line (a few short attributes). */
  private static final long PROFILE_BYTES = 120;

  private ProfileSteps() {}

  /** The profile outcomes of a run, its profile strategy, and the profile step's call history. */
  static final class Ensured {
    final PCollection<KV<String, ProfileOutcome>> outcomes;
    final PCollection<StrategyChooser.Choice> choice;
    final PCollection<CallHistory> history;

    Ensured(PCollection<KV<String, ProfileOutcome>> outcomes, PCollection<StrategyChooser.Choice> choice,
        PCollection<CallHistory> history) {
      this.outcomes = outcomes;
      this.choice = choice;
      this.history = history;
    }
  }

  /**
   * One {@link ProfileOutcome} per referenced profile, keyed by link value. The strategy is chosen
   * by the records' cost model ({@link #choose}): record by record, each profile is looked up (a
   * found one is never written) and a missing one created ({@link ProfileWriterFn}); in bulk, they
   * all go to CREATE_ONLY ETL executions on the profile table ({@link ProfileBulkFn}). Either way
   * one logical writer, the run's first writer step.
   */
  static Ensured ensure(PCollection<Classification> changes, WriterConfig config) {
    PCollection<KV<String, Map<String, String>>> refs = referenced(changes, config);
    PCollection<StrategyChooser.Choice> chosen = chosen(refs, config);
    PCollectionView<StrategyChooser.Choice> view = chosen.apply("ProfileStrategyView", View.asSingleton());
    PCollectionTuple routed = refs.apply("RouteProfiles", ParDo.of(new DoFn<KV<String, Map<String, String>>,
        KV<Integer, KV<String, Map<String, String>>>>() {
          @ProcessElement
          public void process(ProcessContext context) {
            KV<String, Map<String, String>> ref = context.element();
            context.output(context.sideInput(view).strategy() == Strategy.BULK ? BULK : RECORDS,
                KV.of(WriteToActito.ONE_WRITER, ref));
          }
        }).withSideInputs(view).withOutputTags(RECORDS, TupleTagList.of(BULK)));
    PCollectionTuple ensured = routed.get(RECORDS).setCoder(KEYED_CODER)
        .apply("BatchProfiles", GroupIntoBatches.ofSize(PacedBatchFn.BATCH))
        .apply("EnsureProfiles", ParDo.of(new ProfileWriterFn(config, null))
            .withOutputTags(OUTCOMES, TupleTagList.of(PacedBatchFn.HISTORY)));
    PCollectionTuple bulk = routed.get(BULK).setCoder(KEYED_CODER)
        .apply("OneProfileGroup", GroupByKey.create())
        .apply("WriteProfilesInBulk", ParDo.of(new ProfileBulkFn(config))
            .withOutputTags(OUTCOMES, TupleTagList.of(PacedBatchFn.HISTORY)));
    PCollection<KV<String, ProfileOutcome>> outcomes =
        PCollectionList.of(ensured.get(OUTCOMES).setCoder(OUTCOME_CODER))
            .and(bulk.get(OUTCOMES).setCoder(OUTCOME_CODER))
            .apply("AllProfileOutcomes", Flatten.pCollections())
            .setCoder(OUTCOME_CODER);
    PCollection<CallHistory> history =
        PCollectionList.of(ensured.get(PacedBatchFn.HISTORY).setCoder(WriteToActito.HISTORY_CODER))
            .and(bulk.get(PacedBatchFn.HISTORY).setCoder(WriteToActito.HISTORY_CODER))
            .apply("ProfileHistory", Flatten.pCollections())
            .setCoder(WriteToActito.HISTORY_CODER);
    return new Ensured(outcomes, chosen, history);
  }

  /** The run's profile strategy, counted from the referenced profiles, logged and counted. */
  private static PCollection<StrategyChooser.Choice> chosen(
      PCollection<KV<String, Map<String, String>>> refs, WriterConfig config) {
    return refs
        .apply("CountProfiles", Count.globally())
        .apply("ChooseProfileStrategy", MapElements.into(TypeDescriptor.of(StrategyChooser.Choice.class))
            .via((Long count) -> {
              StrategyChooser.Choice choice = choose(config, count);
              org.slf4j.LoggerFactory.getLogger(ProfileSteps.class)
                  .info("Profile strategy {}: {}", choice.strategy(), choice.reason());
              Metrics.counter(WriterMetrics.NAMESPACE, "strategy.profiles." + choice.strategy()).inc();
              return choice;
            }))
        .setCoder(SerializableCoder.of(StrategyChooser.Choice.class));
  }

  /**
   * The profile strategy for {@code referenced} profiles, by the records' cost model: record by
   * record a profile costs up to 2 calls (a lookup, then a create), in bulk one CREATE_ONLY ETL file
   * per ~100 MB within the executions allowed per run. Bulk needs a definition template naming its
   * table type ({@code ${tableType}}); a forced BULK that cannot be honoured falls back to record
   * calls, saying why.
   */
  static StrategyChooser.Choice choose(WriterConfig config, long referenced) {
    StrategyChooser chooser = new StrategyChooser(config.callsPerMinute(), config.maxImportsPerRun(),
        config.client().maxImportBytes(), config.importDuration(), 5);
    if (!config.definitionTemplate().namesTableType()) {
      return chooser.choose(referenced, 0, 2, PROFILE_BYTES, Strategy.RECORDS)
          .withReason("the ETL definition template has no ${tableType}: profiles go record by record");
    }
    try {
      return chooser.choose(referenced, 0, 2, PROFILE_BYTES, config.strategy());
    } catch (IllegalArgumentException e) {
      return chooser.choose(referenced, 0, 2, PROFILE_BYTES, Strategy.RECORDS)
          .withReason(e.getMessage() + "; profiles go record by record");
    }
  }

  /**
   * For a dry run: the plan lines of the profiles the run would create (missing at a read-only
   * lookup) and the profile strategy the run would choose.
   */
  static Planned planned(PCollection<Classification> changes, WriterConfig config) {
    PCollection<KV<String, Map<String, String>>> refs = referenced(changes, config);
    PCollection<String> lines = refs
        .apply("OneProfileWriter", WithKeys.of(WriteToActito.ONE_WRITER))
        .setCoder(KEYED_CODER)
        .apply("BatchProfiles", GroupIntoBatches.ofSize(PacedBatchFn.BATCH))
        .apply("LookUpProfiles", ParDo.of(new ProfileLookupFn(config))
            .withOutputTags(MISSING, TupleTagList.of(PacedBatchFn.HISTORY)))
        .get(MISSING)
        .setCoder(REF_CODER)
        .apply("PlannedProfiles", MapElements.into(TypeDescriptors.strings())
            .via(missing -> planLine(missing, config)))
        .setCoder(StringUtf8Coder.of());
    return new Planned(lines, chosen(refs, config));
  }

  /** What a dry run shows of the profiles: the ones to create, and the strategy. */
  static final class Planned {
    final PCollection<String> lines;
    final PCollection<StrategyChooser.Choice> choice;

    Planned(PCollection<String> lines, PCollection<StrategyChooser.Choice> choice) {
      this.lines = lines;
      this.choice = choice;
    }
  }

  /** {@code {"profileTable","profileAttribute","value","attributes":{…wire values, by name…}}}. */
  static String planLine(KV<String, Map<String, String>> missing, WriterConfig config) {
    ObjectNode line = JSON.createObjectNode();
    line.put("profileTable", config.profiles().profileTable());
    line.put("profileAttribute", config.profiles().profileAttribute());
    line.put("value", missing.getKey());
    line.set("attributes", JSON.valueToTree(new TreeMap<>(ProfileRefs.toWire(missing.getValue(), config))));
    return line.toString();
  }

  /** The distinct referenced profiles: (link value, attributes a new one gets). */
  private static PCollection<KV<String, Map<String, String>>> referenced(
      PCollection<Classification> changes, WriterConfig c) {
    return changes
        .apply("ReferencedProfiles", ParDo.of(new DoFn<Classification, KV<String, Map<String, String>>>() {
          @ProcessElement
          public void process(@Element Classification change, OutputReceiver<KV<String, Map<String, String>>> out) {
            Map<String, String> attributes = ProfileRefs.of(change, c);
            if (attributes != null) {
              out.output(KV.of(ProfileRefs.linkValue(change, c.profiles(), c), attributes));
            }
          }
        }))
        .setCoder(REF_CODER)
        .apply("OncePerProfile", Combine.perKey(ProfileSteps::first))
        .setCoder(REF_CODER);
  }

  /** Of the rows' candidate attributes for one profile, a deterministic one (the smallest text). */
  private static Map<String, String> first(Iterable<Map<String, String>> candidates) {
    Map<String, String> first = null;
    for (Map<String, String> candidate : candidates) {
      if (first == null || candidate.toString().compareTo(first.toString()) < 0) {
        first = candidate;
      }
    }
    return first;
  }
}
