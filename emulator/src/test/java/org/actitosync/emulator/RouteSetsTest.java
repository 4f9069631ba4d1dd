package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.CLASSIC_ORDERS;
import static org.actitosync.emulator.TestSupport.CLASSIC_PROFILES;
import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.PROFILES;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.actitosync.emulator.model.DataFileException;
import org.actitosync.emulator.model.ProfileGetShape;
import org.junit.jupiter.api.Test;

/**
 * Which spellings each {@link RouteSet} serves (an unserved spelling answers 404 like any unknown
 * path), and the two shapes of a single-profile GET.
 */
class RouteSetsTest {
  static final String CLASSIC_IMPORT = "/v4/entity/demo/customTable/orders/import";
  static final String CLASSIC_PROFILE_IMPORT = "/v4/entity/demo/table/customers/import";
  static final List<String> PREFIXED_READS = List.of(ORDERS + "/o-1", PROFILES + "/customerId=1",
      "/custom-table-structure/v5/entities/demo/custom-tables/orders",
      "/profile-table-structure/v5/entities/demo/profile-tables/16", "/entities/v5/entities");
  static final List<String> CLASSIC_READS = List.of(CLASSIC_ORDERS + "/o-1", CLASSIC_PROFILES + "/customerId=1",
      "/v5/entities/demo/custom-tables/orders", "/v5/entities/demo/profile-tables/16", "/v4/entity",
      "/v5/entities");
  /** A JSON (not multipart) import creation: 415 where the route exists, 404 where it does not. */
  static final List<String> V4_IMPORTS = List.of(CLASSIC_IMPORT, "/mass-imports" + CLASSIC_IMPORT,
      CLASSIC_PROFILE_IMPORT, "/mass-imports" + CLASSIC_PROFILE_IMPORT);

  private static ActitoEmulator start(RouteSet set) {
    ActitoEmulator.Builder b = ActitoEmulator.builder().data(TestSupport.data());
    return (set == null ? b : b.routes(set)).start();
  }

  private static void assertStatus(TestSupport.Api api, int expected, List<String> paths) {
    for (String path : paths) {
      assertEquals(expected, api.get(path).statusCode(), "GET " + path);
    }
  }

  @Test
  void defaultServesOnlyThePrefixedRoutesOfTodaysActito() {
    try (ActitoEmulator emu = start(null)) {
      TestSupport.Api api = new TestSupport.Api(emu).login(); // /auth/token is served in every set
      assertStatus(api, 200, PREFIXED_READS);
      assertStatus(api, 404, CLASSIC_READS);
      assertStatus(api, 404, List.of("/profile-data" + CLASSIC_PROFILES + "/customerId=1"));
      for (String path : V4_IMPORTS) {
        assertEquals(404, api.post(path, "{}").statusCode(), "POST " + path);
      }
      assertEquals(404, api.get("/v4/entity/demo/import/1/result").statusCode());
      assertEquals(404, api.post(CLASSIC_ORDERS, props("orderId", "o-2", "status", "NEW")).statusCode());
      assertEquals(200, api.post(ORDERS, props("orderId", "o-2", "status", "NEW")).statusCode());
      assertEquals(2, emu.admin().records("demo", "orders").size()); // admin routes unaffected
      assertEquals(204, api.post("/_emulator/stats/reset", "").statusCode());
    }
  }

  @Test
  void bothServesBothSpellingsOfTheSameTableAndTheV4Imports() {
    try (ActitoEmulator emu = start(RouteSet.BOTH)) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      assertStatus(api, 200, PREFIXED_READS);
      assertStatus(api, 200, CLASSIC_READS);
      assertEquals(200, api.post(ORDERS, props("orderId", "o-2", "status", "NEW")).statusCode());
      assertEquals(200, api.get(CLASSIC_ORDERS + "/o-2").statusCode());
      assertEquals(200, api.get("/v4/entity/demo/customTable/a4aa57cd-0000-0000-0000-000000000001/record/o-1")
          .statusCode());
      for (String path : V4_IMPORTS) {
        assertEquals(415, api.post(path, "{}").statusCode(), "POST " + path);
      }
      assertEquals(404, api.get("/profile-data" + CLASSIC_PROFILES + "/customerId=1").statusCode());
    }
  }

  @Test
  void legacyServesOnlyClassicRoutesAndV4Imports() {
    try (ActitoEmulator emu = start(RouteSet.LEGACY)) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      assertStatus(api, 404, PREFIXED_READS);
      assertStatus(api, 200, CLASSIC_READS);
      for (String path : V4_IMPORTS) {
        assertEquals(415, api.post(path, "{}").statusCode(), "POST " + path);
      }
      assertEquals(404, api.post(ORDERS, props("orderId", "o-2", "status", "NEW")).statusCode());
      assertEquals(1, emu.admin().records("demo", "orders").size());
    }
  }

  @Test
  void profileGetAnswersInTheSdkShapeByDefault() {
    try (ActitoEmulator emu = start(null)) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      JsonNode body = json(api.get(PROFILES + "/emailAddress=" + TestSupport.seg("two@example.com")));
      assertFalse(body.has("profileId"), body.toString());
      JsonNode attributes = body.get("attributes");
      assertEquals("profileId", attributes.get(0).get("name").asText());
      assertTrue(attributes.get(0).get("value").isTextual(), body.toString());
      Object id = emu.admin().profiles("demo", "customers").get(1).get("profileId");
      assertEquals(String.valueOf(id), attributes.get(0).get("value").asText());
      assertEquals("Two", TestSupport.namedValue(attributes, "lastName").asText());
      assertEquals(2L, TestSupport.namedValue(attributes, "customerId").asLong());
      assertTrue(body.get("subscriptions").isArray() && body.get("subscriptions").isEmpty());
      assertTrue(body.get("segmentations").isArray() && body.get("segmentations").isEmpty());
    }
  }

  @Test
  void profileGetTopLevelShapeFromTheBuilderOrTheDataFile() {
    String topLevelData = TestSupport.data().replaceFirst("\\{", "{\"profileGetShape\": \"TOP_LEVEL\",");
    try (ActitoEmulator viaBuilder = ActitoEmulator.builder().data(TestSupport.data())
            .profileGetShape(ProfileGetShape.TOP_LEVEL).start();
        ActitoEmulator viaFile = ActitoEmulator.builder().data(topLevelData).start()) {
      for (ActitoEmulator emu : List.of(viaBuilder, viaFile)) {
        TestSupport.Api api = new TestSupport.Api(emu).login();
        JsonNode body = json(api.get(PROFILES + "/customerId=2"));
        Object id = emu.admin().profiles("demo", "customers").get(1).get("profileId");
        assertEquals(((Number) id).longValue(), body.get("profileId").asLong());
        assertTrue(body.get("profileId").isIntegralNumber());
        assertEquals("Two", TestSupport.namedValue(body.get("attributes"), "lastName").asText());
        assertTrue(TestSupport.namedValue(body.get("attributes"), "profileId").isMissingNode());
      }
    }
    String bad = TestSupport.data().replaceFirst("\\{", "{\"profileGetShape\": \"FLAT\",");
    org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
        () -> ActitoEmulator.builder().data(bad).start());
  }
}
