package org.actitosync.pipeline.alert;

import com.google.auto.value.AutoValue;
import org.actitosync.pipeline.config.SecretRef;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The webhook channel: a URL given inline or, since a Slack-style URL carries a token, from an
 * environment variable or a file. Reports and logs name only its scheme and host.
 */
@AutoValue
public abstract class WebhookSettings implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_TIMEOUT_SECONDS = 10;
  public static final int DEFAULT_ATTEMPTS = 3;

  public abstract @Nullable String url();

  public abstract @Nullable SecretRef urlSecret();

  public abstract int timeoutSeconds();

  /** Attempts per message (retried on I/O errors, 429 and 5xx with exponential backoff). */
  public abstract int attempts();

  public static WebhookSettings of(
      @Nullable String url, @Nullable SecretRef urlSecret, int timeoutSeconds, int attempts) {
    return new AutoValue_WebhookSettings(url, urlSecret, timeoutSeconds, attempts);
  }

  /** The URL to post to; reads the secret if it is one. */
  public String resolveUrl() {
    return url() != null ? url() : urlSecret().reveal();
  }

  @Override
  public final String toString() {
    return "WebhookSettings[" + (urlSecret() != null ? urlSecret().describeSource() : "inline url") + "]";
  }
}
