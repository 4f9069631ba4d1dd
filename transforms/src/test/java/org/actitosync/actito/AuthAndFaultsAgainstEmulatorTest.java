package org.actitosync.actito;

import static org.actitosync.actito.EmulatorFixture.KEY;
import static org.actitosync.actito.EmulatorFixture.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.actito.TestClocks.MutableClock;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.records.RecordEffect;
import org.actitosync.actito.retry.RetryPolicy;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.faults.FaultSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens, auth failures and injected faults over real HTTP against the embedded emulator. */
class AuthAndFaultsAgainstEmulatorTest {
  private MutableClock clock;
  private RecordingSleeper sleeper;
  private ActitoEmulator emu;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    sleeper = new RecordingSleeper(null);
    emu = EmulatorFixture.start(clock);
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  private ActitoClient client(String key, RetryPolicy policy) {
    return ActitoClient.builder(EmulatorFixture.config(emu, key).setRetryPolicy(policy).build())
        .clock(clock).sleeper(sleeper).jitter(() -> 0.5).build();
  }

  private ActitoClient client() {
    return client(KEY, RetryPolicy.defaults());
  }

  private static Map<String, Object> order(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", id);
    m.put("status", "NEW");
    return m;
  }

  private long tokenCalls() {
    return emu.admin().stats().route("GET /auth/token");
  }

  @Test
  void tokenExpiredByTheServerMidSequenceIsReMintedOnce() {
    ActitoClient c = client();
    c.records().upsert(ORDERS, order("a"));
    emu.admin().expireTokens();
    assertEquals(RecordEffect.CREATED, c.records().upsert(ORDERS, order("b")).outcome());
    c.records().upsert(ORDERS, order("c"));
    assertEquals(2, c.counters().tokensMinted());
    assertEquals(2, tokenCalls());
    assertEquals(1, c.counters().calls(Operation.RECORD_UPSERT, 401));
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void tokenIsReMintedBeforeItsExpiryWithoutA401() {
    ActitoClient c = client();
    c.records().get(ORDERS, "o-1");
    clock.advance(Duration.ofMinutes(10));
    c.records().get(ORDERS, "o-1");
    assertEquals(1, tokenCalls());
    clock.advance(Duration.ofMinutes(4).plusSeconds(5)); // 14:05: inside the 60 s safety margin
    c.records().get(ORDERS, "o-1");
    assertEquals(2, tokenCalls());
    assertEquals(0, emu.admin().stats().status(401));
  }

  @Test
  void revokedKeyFailsFastWithoutARetryLoop() {
    ActitoClient c = client(EmulatorFixture.REVOCABLE_KEY, RetryPolicy.defaults());
    c.records().upsert(ORDERS, order("a"));
    emu.admin().revokeKey(EmulatorFixture.REVOCABLE_KEY);
    ActitoAuthException e = assertThrows(ActitoAuthException.class,
        () -> c.records().upsert(ORDERS, order("b")));
    assertEquals(ErrorClass.AUTH, e.errorClass());
    assertEquals(401, e.status());
    assertTrue(e.getMessage().contains("entity 'demo'"), e.getMessage());
    assertTrue(e.getMessage().contains("POST /custom-data/v4/entity/demo/customTable/orders/record"), e.getMessage());
    assertFalse(e.getMessage().contains(EmulatorFixture.REVOCABLE_KEY));
    assertTrue(tokenCalls() <= 2, "token calls: " + tokenCalls());
    assertTrue(sleeper.sleeps.isEmpty());

    emu.admin().resetStats();
    ActitoClient fresh = client(EmulatorFixture.REVOCABLE_KEY, RetryPolicy.defaults());
    assertThrows(ActitoAuthException.class, fresh::checkAuthentication);
    assertThrows(ActitoAuthException.class, () -> fresh.records().get(ORDERS, "o-1"));
    assertEquals(2, tokenCalls()); // one per call, no retries
  }

  @Test
  void keyWithoutRightsIs403AuthError() {
    ActitoClient c = client(EmulatorFixture.OTHER_ENTITY_KEY, RetryPolicy.defaults());
    ActitoAuthException e = assertThrows(ActitoAuthException.class, () -> c.records().get(ORDERS, "o-1"));
    assertEquals(403, e.status());
    assertEquals(1, emu.admin().stats().route("GET /record/{key}"));
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void retryAfterSecondsFromTheEmulatorIsHonouredUntilExhausted() {
    emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 503).errorRetryAfterSeconds(2)
        .routes("POST /record").build());
    ActitoClient c = client(KEY, RetryPolicy.builder().setMaxAttempts(3).build());
    ActitoException e = assertThrows(ActitoException.class, () -> c.records().upsert(ORDERS, order("z")));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertEquals(503, e.status());
    assertEquals(3, e.attempts());
    assertTrue(e.retriesExhausted());
    assertEquals(List.of(2000L, 2000L), sleeper.sleeps);
    assertEquals(4000, c.counters().sleptMillis());
  }

  @Test
  void injected429sAnd5xxAreRetriedToSuccess() {
    emu.admin().faults(FaultSettings.builder(42).errorRate(0.4, 429, 500, 502, 503, 504)
        .routes("POST /record").build());
    ActitoClient c = client(KEY, RetryPolicy.builder().setMaxAttempts(10).build());
    for (int i = 0; i < 20; i++) {
      c.records().upsert(ORDERS, order("f-" + i));
    }
    assertEquals(21, emu.admin().records("demo", ORDERS).size());
    assertTrue(c.counters().retries() > 0);
    assertEquals(emu.admin().stats().status(429), c.counters().throttled429());
  }

  @Test
  void connectionResetsAreRetryableAndExhaust() {
    emu.admin().faults(FaultSettings.builder(7).resetRate(1.0).routes("PUT /record/{key}").build());
    ActitoClient c = client(KEY, RetryPolicy.builder().setMaxAttempts(3).build());
    ActitoException e = assertThrows(ActitoException.class,
        () -> c.records().update(ORDERS, "o-1", Map.of("note", "x")));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertEquals(0, e.status());
    assertEquals(3, e.attempts());
    assertEquals(3, c.counters().calls(Operation.RECORD_UPDATE, 0));
  }
}
