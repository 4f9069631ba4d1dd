package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.warning.WarningSettings;

/**
 * The {@code warnings} section, typed and validated with the rest of the config: the warning
 * thresholds, the alert channels and the guard thresholds.
 */
@AutoValue
public abstract class WarningsSection implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract WarningSettings warnings();

  public abstract AlertSettings alerts();

  public abstract GuardThresholds guards();

  public static WarningsSection of(WarningSettings warnings, AlertSettings alerts, GuardThresholds guards) {
    return new AutoValue_WarningsSection(warnings, alerts, guards);
  }

  /** No section: every default, no alert channel. */
  public static WarningsSection defaults() {
    return of(WarningSettings.defaults(), AlertSettings.none(), GuardThresholds.defaults());
  }
}
