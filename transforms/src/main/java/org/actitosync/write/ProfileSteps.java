package org.actitosync.write;

import java.util.Map;
import org.actitosync.change.Classification;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The profile steps of the writer: the distinct profiles a run's changes reference (once per link
 * value, with the attributes a new one would get), sharded like the record writer, then ensured
 * ({@link ProfileWriterFn}) or, for a dry run, only looked up ({@link ProfileLookupFn}).
 */
final class ProfileSteps {
  private static final KvCoder<String, Map<String, String>> REF_CODER =
      KvCoder.of(StringUtf8Coder.of(), MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

  private ProfileSteps() {}

  /** One {@link ProfileOutcome} per referenced profile, keyed by link value. */
  static PCollection<KV<String, ProfileOutcome>> ensure(PCollection<Classification> changes, WriterConfig config) {
    return referenced(changes, config)
        .apply("EnsureProfiles", ParDo.of(new ProfileWriterFn(config)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ProfileOutcome.class)));
  }

  /** The plan lines of the profiles a run would create (see {@link ProfileLookupFn}). */
  static PCollection<String> planned(PCollection<Classification> changes, WriterConfig config) {
    if (config.profiles() == null) {
      return changes.getPipeline().apply("NoProfiles", Create.empty(StringUtf8Coder.of()));
    }
    return referenced(changes, config)
        .apply("LookUpProfiles", ParDo.of(new ProfileLookupFn(config)))
        .setCoder(StringUtf8Coder.of());
  }

  /** The distinct referenced profiles, keyed by shard: (shard, (link value, profile attributes)). */
  private static PCollection<KV<Integer, KV<String, Map<String, String>>>> referenced(
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
        .setCoder(REF_CODER)
        .apply("ShardProfiles", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(),
                TypeDescriptors.kvs(TypeDescriptors.strings(),
                    TypeDescriptors.maps(TypeDescriptors.strings(), TypeDescriptors.strings()))))
            .via(ref -> KV.of(Shards.of(ref.getKey(), c.concurrency()), ref)))
        .setCoder(KvCoder.of(VarIntCoder.of(), REF_CODER));
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
