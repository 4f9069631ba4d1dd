package org.actitosync.actito.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.actitosync.actito.ApiKey;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ClassifiedError;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.errors.ErrorClassifier;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.HttpExchange;
import org.actitosync.actito.http.Json;
import org.actitosync.actito.observe.ActitoCallListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe cache of the access token: {@code GET /auth/token} with the raw API key in {@code
 * Authorization}, re-minted {@code safetyMargin} before the announced {@code expiresIn} (Actito:
 * {@code "900s"}; default 900 s when absent or unreadable; an answer without {@code accessToken} is
 * a RETRYABLE failure of the token route). Threads that need a token while one is being minted
 * wait for it (one mint at a time). Neither the key nor the token is ever logged.
 */
public final class TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
  static final Duration DEFAULT_TTL = Duration.ofSeconds(900);

  private final HttpExchange http;
  private final ApiKey apiKey;
  private final String entity;
  private final Clock clock;
  private final Duration safetyMargin;
  private final ErrorClassifier classifier;
  private final ActitoCallListener listener;
  private AccessToken current; // guarded by this

  public TokenProvider(
      HttpExchange http,
      ApiKey apiKey,
      String entity,
      Clock clock,
      Duration safetyMargin,
      ErrorClassifier classifier,
      ActitoCallListener listener) {
    this.http = http;
    this.apiKey = apiKey;
    this.entity = entity;
    this.clock = clock;
    this.safetyMargin = safetyMargin;
    this.classifier = classifier;
    this.listener = listener;
  }

  /**
   * A valid token, minted if none is cached or the cached one is due for refresh.
   *
   * @throws TokenUnavailableException when the token route fails: classification AUTH when
   *     Actito refuses the key (401/403), else as classified (429, 5xx, I/O, a 2xx without
   *     {@code accessToken}: retryable)
   */
  public synchronized AccessToken get() throws TokenUnavailableException {
    if (current != null && clock.instant().isBefore(current.refreshAt())) {
      return current;
    }
    current = null;
    current = mint();
    return current;
  }

  /**
   * Forgets {@code used} (after a 401) unless another call already replaced it.
   *
   * @return whether {@code used} was the current token (false: another call re-minted meanwhile)
   */
  public synchronized boolean invalidate(AccessToken used) {
    if (current == used) {
      current = null;
      return true;
    }
    return false;
  }

  /**
   * The cached token's value. Only for the client's own tests, which check that no token ever
   * appears in logs or exceptions; never call it from production code.
   */
  public synchronized String currentValueForLeakTests() {
    return current == null ? null : current.value();
  }

  private AccessToken mint() throws TokenUnavailableException {
    long start = System.nanoTime();
    HttpExchange.Raw raw;
    try {
      raw = http.send("GET", ActitoPaths.TOKEN, null, Json.MEDIA_TYPE, apiKey.reveal());
    } catch (IOException e) {
      listener.onCall(Operation.TOKEN, 0, elapsedMillis(start));
      throw new TokenUnavailableException(classifier.classify(e), null);
    }
    listener.onCall(Operation.TOKEN, raw.status, elapsedMillis(start));
    LOG.debug("GET {} -> {} ({} ms)", ActitoPaths.TOKEN, raw.status, elapsedMillis(start));
    if (raw.status == 401 || raw.status == 403) {
      // The key itself is refused: AUTH, never retried. The message names where the key comes
      // from (env/file), never the key.
      throw new TokenUnavailableException(ClassifiedError.of(ErrorClass.AUTH, raw.status,
          "Actito rejected the API key (" + apiKey.describeSource() + ") at GET /auth/token;"
              + " check that it is valid, not revoked, and has rights on entity '" + entity + "'",
          Optional.empty(), true), null);
    }
    if (!raw.isSuccess()) {
      ClassifiedError c = classifier.classify(raw.status, raw.retryAfter, raw.body);
      throw new TokenUnavailableException(c, null);
    }
    JsonNode body;
    try {
      body = Json.parse(raw.body);
    } catch (IllegalStateException e) {
      body = Json.object();
    }
    JsonNode accessToken = body.get("accessToken");
    String token = accessToken == null || !accessToken.isTextual() ? "" : accessToken.asText();
    if (token.isEmpty()) {
      // Unreadable answer: no token to call with. Classified like a transient failure (the mint is
      // a harmless GET), so it is retried within the budget and then fails the call, never a crash.
      throw new TokenUnavailableException(ClassifiedError.of(ErrorClass.RETRYABLE, raw.status,
          "Actito's answer to GET /auth/token carries no accessToken", Optional.empty(), true), null);
    }
    Duration ttl = parseExpiresIn(body.get("expiresIn"));
    Duration margin = safetyMargin.compareTo(ttl) < 0 ? safetyMargin : ttl.dividedBy(2);
    Instant refreshAt = clock.instant().plus(ttl).minus(margin);
    listener.onTokenMinted();
    LOG.debug("minted an access token for entity '{}', refresh at {}", entity, refreshAt);
    return new AccessToken(token, refreshAt);
  }

  /** {@code "900s"}, {@code "900"} or {@code 900} → 900 s; anything else → 900 s. */
  static Duration parseExpiresIn(JsonNode node) {
    if (node == null || node.isNull()) {
      return DEFAULT_TTL;
    }
    if (node.isNumber()) {
      return node.asLong() > 0 ? Duration.ofSeconds(node.asLong()) : DEFAULT_TTL;
    }
    String s = node.asText().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("s")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      long secs = Long.parseLong(s);
      return secs > 0 ? Duration.ofSeconds(secs) : DEFAULT_TTL;
    } catch (NumberFormatException e) {
      return DEFAULT_TTL;
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
