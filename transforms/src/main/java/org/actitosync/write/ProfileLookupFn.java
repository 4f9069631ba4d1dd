package org.actitosync.write;

import java.util.Map;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Looks each referenced profile up by its unique attribute (read-only): a 200 is the evidence that
 * it exists (EXISTING, left as it is); a 404 sends it, with the attributes a new one gets, to
 * {@link #MISSING}; a lookup that fails is the profile's outcome (REJECTED or FAILED, the rows'
 * reason). Keyed by shard and stateful like the record writer, so lookups share its concurrency
 * cap and rate budget.
 */
final class ProfileLookupFn
    extends ActitoCallingFn<KV<Integer, KV<String, Map<String, String>>>, KV<String, ProfileOutcome>> {
  static final TupleTag<KV<String, ProfileOutcome>> KNOWN = new TupleTag<KV<String, ProfileOutcome>>() {};
  static final TupleTag<KV<String, Map<String, String>>> MISSING =
      new TupleTag<KV<String, Map<String, String>>>() {};

  @StateId("profilesLookedUp")
  private final StateSpec<ValueState<Long>> lookedUp = StateSpecs.value(VarLongCoder.of());

  ProfileLookupFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, KV<String, Map<String, String>>> element,
      @StateId("profilesLookedUp") ValueState<Long> seen,
      MultiOutputReceiver out) {
    budget.shardSeen(element.getKey());
    ProfilesOption option = config.profiles();
    String value = element.getValue().getKey();
    Long before = seen.read();
    seen.write(before == null ? 1 : before + 1);
    try {
      if (client.profiles().findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent()) {
        Metrics.counter(WriterMetrics.NAMESPACE, "profiles.existing").inc();
        out.get(KNOWN).output(KV.of(value, ProfileOutcome.existing()));
      } else {
        out.get(MISSING).output(element.getValue());
      }
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      Metrics.counter(WriterMetrics.NAMESPACE, "profiles.failed").inc();
      ProfileOutcome failed = ProfileOutcome.notCreated(e.errorClass() == ErrorClass.PERMANENT,
          e.status(), option.profileAttribute(), value, "the lookup failed: " + e.actitoMessage());
      account(failed);
      out.get(KNOWN).output(KV.of(value, failed));
    }
  }
}
