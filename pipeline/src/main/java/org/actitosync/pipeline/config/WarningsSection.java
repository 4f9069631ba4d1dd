package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.warning.WarningSettings;

/**
 * The {@code warnings} section once parsed ({@link WarningsSectionParser}): the warning thresholds
 * and the alert channels. The guard thresholds of the same section are read by the launcher's
 * guards.
 */
@AutoValue
public abstract class WarningsSection {
  public abstract WarningSettings warnings();

  public abstract AlertSettings alerts();

  public static WarningsSection of(WarningSettings warnings, AlertSettings alerts) {
    return new AutoValue_WarningsSection(warnings, alerts);
  }
}
