package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTest {
  static ActitoEmulator emu;
  static TestSupport.Api api;

  @BeforeAll
  static void start() {
    emu = ActitoEmulator.builder().data(TestSupport.data()).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.admin().reset();
  }

  static void assert400(HttpResponse<String> r, String attribute) {
    assertEquals(400, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals(400, body.get("status").asInt());
    assertTrue(body.get("message").asText().contains(attribute), body.toString());
    assertEquals(attribute, body.get("details").get(0).get("field").asText(), body.toString());
  }

  static HttpResponse<String> create(Object... extra) {
    Object[] kv = new Object[extra.length + 4];
    kv[0] = "orderId";
    kv[1] = "o-new";
    kv[2] = "status";
    kv[3] = "NEW";
    System.arraycopy(extra, 0, kv, 4, extra.length);
    return api.post(ORDERS, props(kv));
  }

  @Test
  void unknownAttribute() {
    assert400(create("bogus", "x"), "bogus");
  }

  @Test
  void wrongTypes() {
    assert400(create("note", 12), "note");
    assert400(create("note", true), "note");
    assert400(create("customerId", "abc"), "customerId");
    assert400(create("customerId", 1.5), "customerId");
    assert400(create("amount", "ten"), "amount");
    assert400(create("paid", "maybe"), "paid");
    assert400(create("orderDate", "15/01/2026"), "orderDate");
    assert400(create("orderDate", "2026-02-30"), "orderDate");
    assert400(create("shippedAt", "2026-01-15T10:00"), "shippedAt");
    assert400(create("shippedAt", "yesterday"), "shippedAt");
    assertTrue(emu.admin().records("demo", "orders").stream().noneMatch(r -> r.get("orderId").equals("o-new")));
  }

  @Test
  void lengthsAndAcceptedValues() {
    assert400(api.post(ORDERS, props("orderId", "x".repeat(65), "status", "NEW")), "orderId");
    assert400(create("note", "n".repeat(256)), "note");
    assertEquals(200, create("note", "n".repeat(255)).statusCode());
    assert400(create("status", "SHIPPED"), "status");
  }

  @Test
  void mandatoryTechnicalAndForeignKey() {
    assert400(api.post(ORDERS, props("orderId", "o-9")), "status");
    assert400(api.post(ORDERS, props("status", "NEW")), "orderId");
    assert400(create("id", 5), "id");
    assert400(create("creationMoment", "2026-01-01 00:00:00"), "creationMoment");
    assert400(create("customerId", 99), "customerId");
    assertEquals(200, create("customerId", 2).statusCode());
    // an update may not empty a mandatory attribute
    assert400(api.put(ORDERS + "/o-1", props("status", null)), "status");
  }

  @Test
  void validWritesAreReadableByGetAndAdminDump() {
    HttpResponse<String> r = create("customerId", 1, "amount", 12.25, "paid", "Y", "orderDate", "2026-01-15",
        "shippedAt", "2026-01-15T12:30:00+02:00", "note", "café");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("o-new", json(r).get("businessKey").asText());
    assertTrue(json(r).get("created").asBoolean());
    assertEquals(false, json(api.post(ORDERS, props("orderId", "o-new", "amount", 13))).get("created").asBoolean());

    JsonNode got = json(api.get(ORDERS + "/o-new"));
    Map<String, JsonNode> p = new java.util.HashMap<>();
    got.get("properties").forEach(n -> p.put(n.get("name").asText(), n.get("value")));
    assertEquals(13, p.get("amount").asInt());
    assertEquals(true, p.get("paid").asBoolean());
    assertEquals("2026-01-15 10:30:00", p.get("shippedAt").asText());
    assertEquals("café", p.get("note").asText());
    assertTrue(p.get("id").asLong() > 0);
    assertTrue(p.containsKey("creationMoment") && p.containsKey("updateMoment"));

    List<Map<String, Object>> dump = emu.admin().records("demo", "orders");
    assertEquals(List.of("o-1", "o-new"), dump.stream().map(m -> m.get("orderId")).toList());
    assertEquals(1L, dump.get(1).get("customerId"));
    assertEquals(0, new BigDecimal("13").compareTo((BigDecimal) dump.get(1).get("amount")));

    JsonNode http = json(api.get("/_emulator/records/demo/orders"));
    assertEquals("o-new", http.get(1).get("orderId").asText());
    assertEquals("2026-01-15", http.get(1).get("orderDate").asText());
  }

  @Test
  void profileValidation() {
    String profiles = TestSupport.PROFILES;
    assert400(api.post(profiles, TestSupport.attrs("customerId", 3, "emailAddress", "not-an-email")),
        "emailAddress");
    assert400(api.post(profiles, TestSupport.attrs("emailAddress", "x@example.com")), "customerId");
    assert400(api.post(profiles, TestSupport.attrs("customerId", 3, "profileId", 7)), "profileId");
    assert400(api.post(profiles, TestSupport.attrs("customerId", 3, "shoeSize", 42)), "shoeSize");
  }
}
