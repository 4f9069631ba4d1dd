package org.actitosync.write;

import java.util.Map;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.profiles.ProfileWriteResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ensures each referenced profile record by record, as the run's one profile writer ({@link
 * PacedBatchFn}): a lookup by its unique attribute (a 200 is the evidence that it exists: EXISTING,
 * left as it is), then, when missing, {@code POST …/profile?allowUpdate=false}, so an existing
 * profile is never modified. A profile counts as created only when Actito's answer carries its id
 * (a 2xx without one is FAILED, see {@link org.actitosync.actito.profiles.ProfilesApi#upsert});
 * Actito's 409 is EXISTING only when a second lookup now finds the profile (created meanwhile),
 * else REJECTED: another profile holds one of its unique values. A refusal (4xx) is REJECTED with
 * Actito's message, a transient failure after retries FAILED; the rows that need the profile then
 * carry that reason. An authentication error stops the run.
 */
final class ProfileWriterFn
    extends PacedBatchFn<KV<String, Map<String, String>>, KV<String, ProfileOutcome>> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileWriterFn.class);

  ProfileWriterFn(WriterConfig config, @Nullable PCollectionView<Iterable<CallHistory>> before) {
    super(config, before);
  }

  @Override
  KV<String, ProfileOutcome> call(KV<String, Map<String, String>> ref) {
    ProfilesOption option = config.profiles();
    String value = ref.getKey();
    ProfileOutcome outcome;
    boolean lookedUp = false;
    try {
      if (session.client().profiles()
          .findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent()) {
        outcome = ProfileOutcome.existing();
      } else {
        lookedUp = true;
        ProfileWriteResult result = session.client().profiles().upsert(
            option.profileTable(), ProfileRefs.toWire(ref.getValue(), config), false);
        outcome = result.outcome() != ProfileWriteResult.Outcome.EXISTS ? ProfileOutcome.created(200)
            : session.client().profiles()
                    .findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent()
                ? ProfileOutcome.existing()
                : ProfileOutcome.notCreated(true, 409, option.profileAttribute(), value,
                    "Actito answered that the profile exists (409), but none has " + option.profileAttribute()
                        + "=" + value + ": another profile holds one of its unique values");
      }
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      outcome = ProfileOutcome.notCreated(e.errorClass() == ErrorClass.PERMANENT, e.status(),
          option.profileAttribute(), value,
          lookedUp ? e.actitoMessage() : "the lookup failed: " + e.actitoMessage());
      LOG.warn("a profile of table {} (linked by {}) was not created ({}): {}",
          option.profileTable(), option.profileAttribute(), outcome.status(), e.getMessage());
    }
    Metrics.counter(WriterMetrics.NAMESPACE, "profiles." + counterName(outcome.status())).inc();
    session.account(outcome);
    return KV.of(value, outcome);
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
