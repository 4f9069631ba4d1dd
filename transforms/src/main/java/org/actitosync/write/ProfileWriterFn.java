package org.actitosync.write;

import java.util.Map;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.profiles.ProfileWriteResult;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one profile the lookup found missing ({@link ProfileLookupFn}), record by record: {@code
 * POST …/profile?allowUpdate=false}, so an existing profile is never modified. Stateful and keyed
 * by shard like the record writer (same concurrency cap and rate budget). A profile counts as
 * created only when Actito's answer carries its id (a 2xx without one is FAILED, see {@link
 * org.actitosync.actito.profiles.ProfilesApi#upsert}); Actito's 409 is EXISTING only when a second
 * lookup now finds the profile (created meanwhile), else REJECTED: another profile holds one of its
 * unique values. A refusal (4xx) is REJECTED with Actito's message, a transient failure after
 * retries FAILED; the rows that need the profile then carry that reason.
 */
final class ProfileWriterFn
    extends ActitoCallingFn<KV<Integer, KV<String, Map<String, String>>>, KV<String, ProfileOutcome>> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileWriterFn.class);

  @StateId("profilesSeen")
  private final StateSpec<ValueState<Long>> profilesSeen = StateSpecs.value(VarLongCoder.of());

  ProfileWriterFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, KV<String, Map<String, String>>> element,
      @StateId("profilesSeen") ValueState<Long> seen,
      OutputReceiver<KV<String, ProfileOutcome>> out) {
    budget.shardSeen(element.getKey());
    ProfilesOption option = config.profiles();
    String value = element.getValue().getKey();
    ProfileOutcome outcome;
    try {
      ProfileWriteResult result = client.profiles().upsert(
          option.profileTable(), ProfileRefs.toWire(element.getValue().getValue(), config), false);
      outcome = result.outcome() != ProfileWriteResult.Outcome.EXISTS ? ProfileOutcome.created(200)
          : client.profiles().findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent()
              ? ProfileOutcome.existing()
              : ProfileOutcome.notCreated(true, 409, option.profileAttribute(), value,
                  "Actito answered that the profile exists (409), but none has " + option.profileAttribute()
                      + "=" + value + ": another profile holds one of its unique values");
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      outcome = ProfileOutcome.notCreated(
          e.errorClass() == ErrorClass.PERMANENT, e.status(), option.profileAttribute(), value, e.actitoMessage());
      LOG.warn("a profile of table {} (linked by {}) was not created ({}): {}",
          option.profileTable(), option.profileAttribute(), outcome.status(), e.getMessage());
    }
    Long before = seen.read();
    seen.write(before == null ? 1 : before + 1);
    Metrics.counter(WriterMetrics.NAMESPACE, "profiles." + counterName(outcome.status())).inc();
    account(outcome);
    out.output(KV.of(value, outcome));
  }

  /** The metric name of a profile outcome: created, existing or failed (refused included). */
  static String counterName(ProfileOutcome.Status status) {
    switch (status) {
      case CREATED:
        return "created";
      case EXISTING:
        return "existing";
      default:
        return "failed";
    }
  }
}
