package org.actitosync.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.actitosync.emulator.model.ApiKeyDef;

/**
 * Mints and checks access tokens. A token is valid until {@code issuedAt + ttl} on the injected clock,
 * or until {@link #expireAll()} / {@link #revoke(String)}. Thread-safe.
 */
public final class TokenService {
  /** A minted token. */
  public record Token(String accessToken, String jti, ApiKeyDef key, Instant expiresAt) {
  }

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, ApiKeyDef> keys = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final AtomicLong minted = new AtomicLong();
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  public TokenService(Clock clock, Duration ttl, List<ApiKeyDef> apiKeys) {
    this.clock = clock;
    this.ttl = ttl;
    apiKeys.forEach(k -> keys.put(k.key(), k));
  }

  public Duration ttl() {
    return ttl;
  }

  /** Mints a token for a known, non-revoked key; empty otherwise (answered 401). */
  public Optional<Token> mint(String rawKey) {
    if (rawKey == null) {
      return Optional.empty();
    }
    String key = rawKey.trim();
    ApiKeyDef def = keys.get(key);
    if (def == null || revoked.contains(key)) {
      return Optional.empty();
    }
    String jti = UUID.randomUUID().toString();
    Token t = new Token(UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString()
        .replace("-", ""), jti, def, clock.instant().plus(ttl));
    tokens.put(t.accessToken(), t);
    minted.incrementAndGet();
    return Optional.of(t);
  }

  /** The key behind a valid bearer token; empty when unknown, expired or revoked. */
  public Optional<ApiKeyDef> check(String accessToken) {
    Token t = accessToken == null ? null : tokens.get(accessToken);
    if (t == null || revoked.contains(t.key().key()) || !clock.instant().isBefore(t.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(t.key());
  }

  /**
   * Records a use of {@code accessToken}; true on its first. Fault injection never expires a token
   * at its first call: a real token does not expire the moment it is minted.
   */
  public boolean firstUse(String accessToken) {
    return used.add(accessToken);
  }

  /** Expires one token now (fault injection). */
  public void expire(String accessToken) {
    tokens.computeIfPresent(accessToken, (k, t) -> new Token(t.accessToken(), t.jti(), t.key(), Instant.MIN));
  }

  /** Every token issued so far expires now; new tokens can be minted. */
  public void expireAll() {
    tokens.replaceAll((k, t) -> new Token(t.accessToken(), t.jti(), t.key(), Instant.MIN));
  }

  /** The key gets 401 at {@code /auth/token} and its tokens 401. */
  public void revoke(String key) {
    revoked.add(key);
  }

  /** Un-revokes every key (reset). Tokens already minted stay valid until they expire. */
  public void clearRevocations() {
    revoked.clear();
  }

  public long minted() {
    return minted.get();
  }

  public void resetMinted() {
    minted.set(0);
  }
}
