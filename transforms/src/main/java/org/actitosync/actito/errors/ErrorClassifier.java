package org.actitosync.actito.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one place where failed Actito calls are classified.
 *
 * <ul>
 *   <li>RETRYABLE: 408, 429, every 5xx; socket/connect timeouts, refused or reset connections,
 *       premature end of stream, other I/O errors. {@code Retry-After} (seconds or HTTP-date) is
 *       kept. 429, 503, refused connections and connect timeouts are marked "provably not
 *       processed".
 *   <li>AUTH: 401 and 403. (The HTTP layer first re-mints the token once on a 401 and replays;
 *       only a second 401 reaches the caller.)
 *   <li>PERMANENT: every other status (other 4xx, unexpected 1xx/3xx), unknown host, TLS errors.
 * </ul>
 *
 * <p>Decisions key on the HTTP status only; the body is only used for the message (its JSON
 * {@code message} field when present, else the raw body truncated to {@value #MAX_MESSAGE}
 * characters), since Actito's error body shape is not documented.
 */
public final class ErrorClassifier {
  static final int MAX_MESSAGE = 500;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Clock clock;

  public ErrorClassifier(Clock clock) {
    this.clock = clock;
  }

  /** Classifies a non-2xx response. */
  public ClassifiedError classify(int status, String retryAfterHeader, byte[] body) {
    String message = extractMessage(body);
    Optional<java.time.Duration> retryAfter = RetryAfter.parse(retryAfterHeader, clock);
    if (status == 401 || status == 403) {
      return ClassifiedError.of(ErrorClass.AUTH, status, message, Optional.empty(), true);
    }
    if (status == 408 || status == 429 || (status >= 500 && status <= 599)) {
      boolean notProcessed = status == 429 || status == 503;
      return ClassifiedError.of(ErrorClass.RETRYABLE, status, message, retryAfter, notProcessed);
    }
    return ClassifiedError.of(ErrorClass.PERMANENT, status, message, Optional.empty(), false);
  }

  /** Classifies an I/O failure (no HTTP response). */
  public ClassifiedError classify(IOException e) {
    String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof UnknownHostException || e instanceof SSLException) {
      return ClassifiedError.of(ErrorClass.PERMANENT, 0, message, Optional.empty(), true);
    }
    boolean notProcessed = e instanceof ConnectException || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException && e.getMessage() != null
            && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect timed out"));
    if (e instanceof SocketTimeoutException
        || e instanceof SocketException
        || e instanceof EOFException
        || notProcessed) {
      return ClassifiedError.of(ErrorClass.RETRYABLE, 0, message, Optional.empty(), notProcessed);
    }
    // "Unexpected end of file from server", "Premature EOF" and friends arrive as plain
    // IOExceptions from HttpURLConnection: transient as well.
    return ClassifiedError.of(ErrorClass.RETRYABLE, 0, message, Optional.empty(), false);
  }

  /** Actito's message from an error body: JSON {@code message}, else the raw text, truncated. */
  public static String extractMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return "(empty body)";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node != null && node.isObject() && node.hasNonNull("message")) {
        return truncate(node.get("message").asText());
      }
    } catch (IOException notJson) {
      // fall through to the raw body
    }
    return truncate(text.strip());
  }

  static String truncate(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }
}
