package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.actitosync.emulator.faults.FaultSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest {
  MutableClock clock = MutableClock.at(TestSupport.T0);
  ActitoEmulator emu;
  TestSupport.Api api;

  @BeforeEach
  void start() {
    emu = ActitoEmulator.builder().data(TestSupport.data()).clock(clock).start();
    api = new TestSupport.Api(emu);
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  @Test
  void tokenShape() {
    var r = api.token(TestSupport.KEY);
    assertEquals(200, r.statusCode());
    JsonNode t = json(r);
    assertEquals("bearer", t.get("tokenType").asText());
    assertEquals("900s", t.get("expiresIn").asText());
    assertEquals("read write", t.get("scope").asText());
    assertFalse(t.get("accessToken").asText().isEmpty());
    assertEquals(36, t.get("jti").asText().length());
    assertEquals(401, api.token("nope").statusCode());
    assertEquals(401, api.token("Bearer " + TestSupport.KEY).statusCode());
    assertEquals(1, emu.admin().stats().tokensMinted());
  }

  @Test
  void tokenExpiresAfterTtlOnTheInjectedClock() {
    api.login();
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    clock.advance(Duration.ofSeconds(899));
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
    api.login();
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
  }

  @Test
  void ttlFromBuilder() {
    try (ActitoEmulator short1 = ActitoEmulator.builder().data(TestSupport.data()).clock(clock)
        .tokenTtl(Duration.ofSeconds(60)).start()) {
      TestSupport.Api a = new TestSupport.Api(short1).login();
      assertEquals("60s", json(a.token(TestSupport.KEY)).get("expiresIn").asText());
      clock.advance(Duration.ofSeconds(60));
      assertEquals(401, a.get(ORDERS + "/o-1").statusCode());
    }
  }

  @Test
  void forcedExpiry() {
    api.login();
    emu.admin().expireTokens();
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
    api.login();
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    assertEquals(204, api.post("/_emulator/tokens/expire", "").statusCode());
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
  }

  @Test
  void injectedTokenExpiry() {
    api.login();
    emu.admin().faults(FaultSettings.builder(1).tokenExpiryRate(1.0).routes("GET /record/{key}").build());
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode(), "a token is never expired at its first call");
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
    emu.admin().clearFaults();
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
    api.login();
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    assertEquals(1, emu.admin().stats().injectedTokenExpiries());
  }

  @Test
  void revokedKey() {
    api.login();
    TestSupport.Api other = new TestSupport.Api(emu);
    other.token = json(other.token("secret-key-2")).get("accessToken").asText();
    emu.admin().revokeKey(TestSupport.KEY);
    assertEquals(401, api.token(TestSupport.KEY).statusCode());
    assertEquals(401, api.get(ORDERS + "/o-1").statusCode());
    assertEquals(200, other.get(ORDERS + "/o-1").statusCode());
    assertEquals(204, other.post("/_emulator/keys/secret-key-2/revoke", "").statusCode());
    assertEquals(401, other.token("secret-key-2").statusCode());
    emu.admin().reset();
    assertEquals(200, api.token(TestSupport.KEY).statusCode());
  }
}
