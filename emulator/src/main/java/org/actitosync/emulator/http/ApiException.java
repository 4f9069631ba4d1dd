package org.actitosync.emulator.http;

import java.util.Map;

/** An HTTP error answer with the emulator's error body and optional extra headers. */
public class ApiException extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  public ApiException(int status, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
