package org.actitosync.actito.auth;

import java.time.Instant;

/** A minted access token and when the client stops using it. {@link #toString()} is redacted. */
public final class AccessToken {
  private final String value;
  private final Instant refreshAt;

  AccessToken(String value, Instant refreshAt) {
    this.value = value;
    this.refreshAt = refreshAt;
  }

  /** The {@code Authorization} header value. Never log it. */
  public String bearerHeader() {
    return "Bearer " + value;
  }

  String value() {
    return value;
  }

  /** When the client re-mints (Actito's expiry minus the safety margin). */
  public Instant refreshAt() {
    return refreshAt;
  }

  @Override
  public String toString() {
    return "AccessToken[redacted, refreshAt=" + refreshAt + "]";
  }
}
