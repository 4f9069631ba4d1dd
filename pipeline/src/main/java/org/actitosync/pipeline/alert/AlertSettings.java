package org.actitosync.pipeline.alert;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The channels a run's warnings are sent to; none configured means report and console only. */
@AutoValue
public abstract class AlertSettings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public abstract @Nullable WebhookSettings webhook();

  public abstract @Nullable EmailSettings email();

  public static AlertSettings of(@Nullable WebhookSettings webhook, @Nullable EmailSettings email) {
    return new AutoValue_AlertSettings(webhook, email);
  }

  public static AlertSettings none() {
    return of(null, null);
  }
}
