package org.actitosync.actito.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A response accepted by {@link ActitoHttp} (2xx or a pass-through status). */
public final class ApiResponse {
  private final int status;
  private final byte[] body;
  private final int attempts;

  public ApiResponse(int status, byte[] body, int attempts) {
    this.status = status;
    this.body = body;
    this.attempts = attempts;
  }

  public int status() {
    return status;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public byte[] body() {
    return body;
  }

  /** The body as JSON (an empty body gives an empty object); throws when it is not JSON. */
  public JsonNode json() {
    return Json.parse(body);
  }

  /**
   * The body as JSON, or an empty object when the body is empty or not JSON: for answers whose
   * status is the evidence and whose body only adds optional detail (callers read every field
   * tolerantly).
   */
  public JsonNode lenientJson() {
    try {
      return Json.parse(body);
    } catch (IllegalStateException e) {
      return Json.object();
    }
  }

  /** Attempts made for this call (1 when the first one succeeded). */
  public int attempts() {
    return attempts;
  }
}
