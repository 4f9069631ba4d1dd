package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.PROFILES;
import static org.actitosync.emulator.TestSupport.attrs;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordsAndProfilesTest {
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

  @Test
  void updateOnlyChangesGivenPropertiesAnd404sWhenAbsent() {
    assertEquals(200, api.put(ORDERS + "/o-1", props("note", "hello")).statusCode());
    Map<String, Object> row = emu.admin().records("demo", "orders").get(0);
    assertEquals("hello", row.get("note"));
    assertEquals("NEW", row.get("status"));
    assertEquals(1L, row.get("customerId"));
    assertEquals(404, api.put(ORDERS + "/nope", props("note", "x")).statusCode());
    assertEquals(404, api.delete(ORDERS + "/nope").statusCode());
    assertEquals(400, api.put(ORDERS + "/o-1", props("orderId", "o-other")).statusCode());
    // clearing an optional attribute
    assertEquals(200, api.put(ORDERS + "/o-1", props("note", null)).statusCode());
    assertFalse(emu.admin().records("demo", "orders").get(0).containsKey("note"));
  }

  @Test
  void getByTechnicalIdAndList() {
    for (int i = 2; i <= 5; i++) {
      api.post(ORDERS, props("orderId", "o-" + i, "status", i % 2 == 0 ? "PAID" : "NEW", "amount", i));
    }
    JsonNode one = json(api.get(ORDERS + "/1"));
    assertEquals("o-1", one.get("properties").get(0).get("value").asText());

    JsonNode page = json(api.get(ORDERS + "?sortedField=amount&ascending=false&number=2"));
    assertEquals(2, page.get("records").size());
    assertEquals("o-1", page.get("records").get(0).get("properties").get(0).get("value").asText()); // amount 10.5
    assertEquals("o-5", page.get("records").get(1).get("properties").get(0).get("value").asText());
    assertEquals(5, page.get("totalRecords").asInt());

    JsonNode paid = json(api.get(ORDERS + "?searchField=status&searchValue=PAID"));
    assertEquals(2, paid.get("records").size());
    JsonNode page2 = json(api.get(ORDERS + "?number=2&page=2"));
    assertEquals(1, page2.get("records").size());
    assertEquals(400, api.get(ORDERS + "?sortedField=nope").statusCode());
  }

  private static final String CUSTOM_TABLES = "/custom-table-structure/v5/entities/demo/custom-tables";
  private static final String PROFILE_TABLES = "/profile-table-structure/v5/entities/demo/profile-tables";

  @Test
  void structureAndChangeRequests() {
    JsonNode all = json(api.get(CUSTOM_TABLES));
    assertEquals("orders", all.get("customTables").get(0).get("name").asText());
    JsonNode one = json(api.get(CUSTOM_TABLES + "/orders"));
    assertEquals("orderId", one.get("primaryKeyAttribute").asText());
    assertEquals(8, one.get("attributes").size());
    assertTrue(one.get("entity") == null && one.get("records") == null);
    assertEquals("customers",
        json(api.get(PROFILE_TABLES + "/16")).get("name").asText());
    assertEquals(1, json(api.get(PROFILE_TABLES)).get("profileTables").size());

    String cr = CUSTOM_TABLES + "/a4aa57cd-0000-0000-0000-000000000001/change-requests";
    var ok = api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"channel\",\"valueType\":\"STRING\",\"valueRestriction\":{\"maxLength\":10}}}]}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("APPLIED", json(ok).get("status").asText());
    assertEquals("APPLIED", json(api.get(cr + "/" + json(ok).get("id").asText())).get("status").asText());
    assertEquals(9, json(api.get(CUSTOM_TABLES + "/orders")).get("attributes").size());
    assertEquals(200, api.post(ORDERS, props("orderId", "o-c", "status", "NEW", "channel", "web")).statusCode());

    ValidationTest.assert400(api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"channel\",\"valueType\":\"STRING\"}}]}"), "channel");
    ValidationTest.assert400(api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"weight\",\"valueType\":\"FLOATY\"}}]}"), "weight");
    ValidationTest.assert400(api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"region\",\"valueType\":\"STRING\",\"mandatory\":true}}]}"), "region");
  }

  @Test
  void mandatoryAttributeCanBeAddedToAnEmptyTable() {
    api.delete(ORDERS + "/o-1");
    String cr = CUSTOM_TABLES + "/orders/change-requests";
    var ok = api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"region\",\"valueType\":\"STRING\",\"mandatory\":true}}]}");
    assertEquals(200, ok.statusCode(), ok.body());
    ValidationTest.assert400(api.post(ORDERS, props("orderId", "o-r", "status", "NEW")), "region");
  }

  @Test
  void profilesUpsertLookupAndDelete() {
    var created = api.post(PROFILES + "?allowUpdate=false", attrs("customerId", 3, "emailAddress", "c@example.com"));
    assertEquals(200, created.statusCode(), created.body());
    long id = json(created).get("profileId").asLong();
    assertEquals(409, api.post(PROFILES + "?allowUpdate=false", attrs("customerId", 3)).statusCode());
    var updated = api.post(PROFILES + "?allowUpdate=true", attrs("customerId", 3, "lastName", "Three"));
    assertEquals(id, json(updated).get("profileId").asLong());

    JsonNode byKey = json(api.get(PROFILES + "/emailAddress=" + TestSupport.seg("c@example.com")));
    assertEquals(String.valueOf(id), TestSupport.namedValue(byKey.get("attributes"), "profileId").asText());
    assertEquals(200, api.get(PROFILES + "/customerId=3").statusCode());
    assertEquals(200, api.get(PROFILES + "/" + id).statusCode());
    assertEquals(404, api.get(PROFILES + "/customerId=77").statusCode());
    assertEquals(409, api.post(PROFILES + "?allowUpdate=true",
        attrs("customerId", 1, "emailAddress", "two@example.com")).statusCode());
    assertEquals(3, json(api.get(PROFILES + "?number=10")).get("profiles").size());

    List<Map<String, Object>> profiles = emu.admin().profiles("demo", "customers");
    assertEquals("Three", profiles.get(2).get("lastName"));
    assertEquals(id, profiles.get(2).get("profileId"));

    // records may now reference customer 3; deleting customer 1 cascades to its orders
    assertEquals(200, api.post(ORDERS, props("orderId", "o-3", "status", "NEW", "customerId", 3)).statusCode());
    assertEquals(200, api.delete(PROFILES + "/customerId=1").statusCode());
    assertEquals(List.of("o-3"), emu.admin().records("demo", "orders").stream().map(r -> r.get("orderId")).toList());
  }

  @Test
  void authEntityAcceptAndMethodErrors() {
    assertEquals(403, api.get("/custom-data/v4/entity/other/customTable/orders/record/o-1").statusCode());
    assertEquals(404, api.get("/custom-data/v4/entity/demo/customTable/nope/record/o-1").statusCode());
    assertEquals(406, api.send(HttpRequest.newBuilder(URI.create(api.base + ORDERS + "/o-1"))
        .header("Authorization", "Bearer " + api.token).header("Accept", "text/html").GET()).statusCode());
    assertEquals(401, api.send(HttpRequest.newBuilder(URI.create(api.base + ORDERS + "/o-1"))
        .header("Accept", "application/json").GET()).statusCode());
    assertEquals(405, api.send(api.req(ORDERS + "/o-1")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    JsonNode entities = json(api.get("/entities/v5/entities"));
    assertEquals(1, entities.get("entities").size());
    assertEquals("demo", entities.get("entities").get(0).get("name").asText());
    assertNotNull(json(api.post(ORDERS, "{not json")).get("message"));
  }

  @Test
  void adminPutRecordsSkipsForeignKeysButChecksTypes() {
    var r = api.put("/_emulator/records/demo/orders",
        "[{\"orderId\":\"o-h\",\"status\":\"PAID\",\"customerId\":42},{\"orderId\":\"o-1\",\"note\":\"edited\"}]");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(2, emu.admin().records("demo", "orders").size());
    assertEquals("edited", emu.admin().records("demo", "orders").get(0).get("note"));
    assertEquals(400, api.put("/_emulator/records/demo/orders", "[{\"orderId\":\"o-x\",\"status\":\"BAD\"}]")
        .statusCode());
    emu.admin().putRecords("demo", "orders", List.of(Map.of("orderId", "o-j", "status", "NEW")));
    assertEquals(3, emu.admin().records("demo", "orders").size());
    assertEquals(204, api.post("/_emulator/reset", "").statusCode());
    assertEquals(1, emu.admin().records("demo", "orders").size());
  }

  @Test
  void profileUpdateByKey() {
    var r = api.put(PROFILES + "/customerId=2", attrs("lastName", "Deux"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("Deux", emu.admin().profiles("demo", "customers").get(1).get("lastName"));
    assertEquals(409, api.put(PROFILES + "/2", attrs("emailAddress", "one@example.com")).statusCode());
    assertEquals(404, api.put(PROFILES + "/99", attrs("lastName", "X")).statusCode());
    ValidationTest.assert400(api.put(PROFILES + "/2", attrs("customerId", null)), "customerId");
  }

  @Test
  void uniqueNonKeyAttributesAreEnforced() {
    String cr = CUSTOM_TABLES + "/orders/change-requests";
    assertEquals(200, api.post(cr, "{\"operations\":[{\"type\":\"ADD_ATTRIBUTE\",\"attribute\":"
        + "{\"name\":\"externalRef\",\"valueType\":\"STRING\",\"unique\":true}}]}").statusCode());
    assertEquals(200, api.put(ORDERS + "/o-1", props("externalRef", "X1")).statusCode());
    ValidationTest.assert400(api.post(ORDERS, props("orderId", "o-2", "status", "NEW", "externalRef", "X1")),
        "externalRef");
    assertEquals(200, api.post(ORDERS, props("orderId", "o-1", "externalRef", "X1")).statusCode());
  }
}
