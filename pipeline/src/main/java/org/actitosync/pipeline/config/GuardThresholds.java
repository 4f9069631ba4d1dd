package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.guard.GuardPolicy;

/**
 * The guard thresholds of the {@code warnings} section ({@code maxDeletes}, {@code maxDeleteShare},
 * {@code maxShrinkShare}, {@code maxMappingUpdateShare}), validated with the rest of the config: a
 * count of at least 0 and shares between 0 and 1. Defaults: {@link GuardPolicy#defaults()}.
 */
@AutoValue
public abstract class GuardThresholds implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract long maxDeletes();

  public abstract double maxDeleteShare();

  public abstract double maxShrinkShare();

  public abstract double maxMappingUpdateShare();

  public static GuardThresholds of(long maxDeletes, double maxDeleteShare, double maxShrinkShare,
      double maxMappingUpdateShare) {
    return new AutoValue_GuardThresholds(maxDeletes, maxDeleteShare, maxShrinkShare, maxMappingUpdateShare);
  }

  public static GuardThresholds defaults() {
    GuardPolicy defaults = GuardPolicy.defaults();
    return of(defaults.maxDeletes(), defaults.maxDeleteShare(), defaults.maxShrinkShare(),
        defaults.maxMappingUpdateShare());
  }
}
