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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ensures one referenced profile exists: looks it up by its unique attribute and creates it
 * ({@code allowUpdate=false}, so an existing profile is never modified) when absent. Stateful and
 * keyed by shard like the record writer, so profile calls share the same concurrency cap and rate
 * budget. Idempotent: a replay finds the profile and does nothing. A profile that cannot be created
 * is counted ({@code profiles.failed}) and logged with the reason; the rows referencing it are then
 * written and decided by Actito's answer (rejected with the reason when the profile is missing).
 * A profile counts as created only when Actito's answer carries its id: a 2xx without one is
 * FAILED (see {@link org.actitosync.actito.profiles.ProfilesApi#upsert}), and a later run checks
 * it again.
 */
final class ProfileWriterFn extends ActitoCallingFn<KV<Integer, KV<String, Map<String, String>>>, String> {
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
      OutputReceiver<String> out) {
    budget.shardSeen(element.getKey());
    ProfilesOption option = config.profiles();
    String value = element.getValue().getKey();
    String outcome;
    try {
      if (client.profiles().findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent()) {
        outcome = "existing";
      } else {
        client.profiles().upsert(
            option.profileTable(), ProfileRefs.toWire(element.getValue().getValue(), config), false);
        outcome = "created";
      }
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      outcome = "failed";
      LOG.warn("a profile of table {} (linked by {}) was not ensured, counted in profiles.failed: {}",
          option.profileTable(), option.profileAttribute(), e.getMessage());
    }
    Long before = seen.read();
    seen.write(before == null ? 1 : before + 1);
    Metrics.counter(WriterMetrics.NAMESPACE, "profiles." + outcome).inc();
    out.output(value);
  }
}
