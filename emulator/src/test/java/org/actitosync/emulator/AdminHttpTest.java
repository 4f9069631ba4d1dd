package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminHttpTest {
  static ActitoEmulator emu;
  static TestSupport.Api api;

  @BeforeAll
  static void start() {
    emu = ActitoEmulator.builder().data(TestSupport.data()).clock(MutableClock.at(TestSupport.T0)).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @Test
  void dumpsStatsAndFaultsOverHttp() {
    JsonNode profiles = json(api.get("/_emulator/profiles/demo/customers"));
    assertEquals(2, profiles.size());
    assertEquals(1, profiles.get(0).get("profileId").asInt());
    assertEquals("one@example.com", profiles.get(0).get("emailAddress").asText());

    JsonNode technical = json(api.get("/_emulator/records/demo/orders?technical=true"));
    assertEquals(1, technical.get(0).get("id").asInt());
    assertEquals("2026-01-15 10:00:00", technical.get(0).get("creationMoment").asText());
    assertEquals(404, api.get("/_emulator/records/demo/nope").statusCode());

    api.get(ORDERS + "/o-1");
    api.get(ORDERS + "/missing");
    JsonNode stats = json(api.get("/_emulator/stats"));
    assertEquals(2, stats.get("byRoute").get("GET /record/{key}").asInt());
    assertEquals(1, stats.get("byStatus").get("404").asInt());
    assertTrue(stats.get("peakConcurrent").asInt() >= 1);
    assertEquals(204, api.post("/_emulator/stats/reset", "").statusCode());
    assertEquals(0, json(api.get("/_emulator/stats")).get("totalCalls").asInt());

    assertEquals(200, api.post("/_emulator/faults", "{\"seed\":5,\"latencyMillis\":1,\"routes\":[\"GET /record\"]}")
        .statusCode());
    JsonNode faults = json(api.get("/_emulator/faults"));
    assertEquals(5, faults.get("seed").asInt());
    assertEquals("GET /record", faults.get("routes").get(0).asText());
    assertEquals(400, api.post("/_emulator/faults", "{\"errorRate\":2}").statusCode());
    emu.admin().clearFaults();
  }
}
