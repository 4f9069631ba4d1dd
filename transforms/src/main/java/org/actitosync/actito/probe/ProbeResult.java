package org.actitosync.actito.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one read-only probe call got: the route it called (method and path, never a secret), the
 * HTTP status (0 when no response came back) and a short message (Actito's, or the client's).
 */
@AutoValue
public abstract class ProbeResult {
  /** {@code GET /custom-data/v4/entity/demo/customTable/orders/record/...}. */
  public abstract String route();

  /** The HTTP status; 0 when the call got no response (refused connection, timeout). */
  public abstract int status();

  /** Actito's message from the body, or the client's reason; empty when none. */
  public abstract String message();

  /** The JSON body of a 2xx answer; null otherwise, or when that body is not JSON. */
  public abstract @Nullable JsonNode body();

  public boolean isSuccess() {
    return status() >= 200 && status() < 300;
  }

  public static ProbeResult of(String route, int status, String message, @Nullable JsonNode body) {
    return new AutoValue_ProbeResult(route, status, message == null ? "" : message, body);
  }
}
