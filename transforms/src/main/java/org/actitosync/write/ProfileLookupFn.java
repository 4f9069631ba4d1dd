package org.actitosync.write;

import java.util.Map;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.LoggerFactory;

/**
 * For a dry run: looks each referenced profile up by its unique attribute (read-only) and emits
 * the ones Actito does not have (a 404), with the attributes a new one would get. A lookup that
 * fails is logged and not listed (the plan cannot say). One logical writer like the others
 * ({@link PacedBatchFn}), so even a dry run keeps the run's limits.
 */
final class ProfileLookupFn
    extends PacedBatchFn<KV<String, Map<String, String>>, KV<String, Map<String, String>>> {
  ProfileLookupFn(WriterConfig config) {
    super(config, null);
  }

  @Override
  @Nullable
  KV<String, Map<String, String>> call(KV<String, Map<String, String>> ref) {
    ProfilesOption option = config.profiles();
    try {
      if (session.client().profiles()
          .findByUniqueAttribute(option.profileTable(), option.profileAttribute(), ref.getKey()).isPresent()) {
        Metrics.counter(WriterMetrics.NAMESPACE, "profiles.existing").inc();
        return null;
      }
      return ref;
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      LoggerFactory.getLogger(ProfileLookupFn.class).warn(
          "the plan cannot say whether the profile {}={} exists: {}",
          option.profileAttribute(), ref.getKey(), e.getMessage());
      Metrics.counter(WriterMetrics.NAMESPACE, "profiles.failed").inc();
      return null;
    }
  }
}
