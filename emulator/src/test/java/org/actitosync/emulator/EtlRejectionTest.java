package org.actitosync.emulator;

import static org.actitosync.emulator.EtlCalls.BASE;
import static org.actitosync.emulator.EtlCalls.ORDERS_ETL;
import static org.actitosync.emulator.EtlCalls.created;
import static org.actitosync.emulator.EtlCalls.definition;
import static org.actitosync.emulator.EtlCalls.field;
import static org.actitosync.emulator.EtlCalls.mapping;
import static org.actitosync.emulator.TestSupport.gzip;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.actitosync.emulator.model.DataFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v5 ETL executions that must be refused: 400 (file or definition), 404, 429 (daily quota). */
class EtlRejectionTest {
  static final String GOOD = "orderId;status\no-70;NEW\n";
  MutableClock clock = MutableClock.at(TestSupport.T0);
  EtlCalls etl;

  @BeforeEach
  void start() {
    // BOTH: one test shows the retired v4 imports (served only with the legacy routes) keep their own quota
    etl = EtlCalls.start(ActitoEmulator.builder().clock(clock).bulkImportsPerTablePerDay(3)
        .maxImportBytes(4096).routes(RouteSet.BOTH));
  }

  @AfterEach
  void stop() {
    etl.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  HttpResponse<String> trigger(byte[] file) {
    return etl.trigger(ORDERS_ETL, "orders.csv", file);
  }

  HttpResponse<String> oneShot(String definition) {
    return etl.oneShot("orders.csv", utf8(GOOD), definition);
  }

  static String good(String mode) {
    return definition("orders.csv", mode, ";", "NONE", mapping("orderId", "status"));
  }

  @Test
  void unusableFilesAre400WithoutUsingTheQuota() {
    byte[] bom = new byte[3 + GOOD.length()];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8(GOOD), 0, bom, 3, GOOD.length());
    HttpResponse<String> withBom = trigger(bom);
    assertEquals(400, withBom.statusCode(), withBom.body());
    assertTrue(json(withBom).get("message").asText().contains("BOM"), withBom.body());
    assertEquals(400, trigger(gzip(bom)).statusCode(), "a BOM inside the gzip too");
    assertEquals(400, etl.oneShot("orders.csv", bom, good("CREATE_UPDATE")).statusCode());

    byte[] big = utf8("orderId;status\n" + "o-x;NEW\n".repeat(600));
    HttpResponse<String> tooBig = trigger(big);
    assertEquals(400, tooBig.statusCode());
    assertTrue(json(tooBig).get("message").asText().contains("4096"), tooBig.body());
    assertEquals(400, etl.oneShot("orders.csv", big, good("CREATE_UPDATE")).statusCode());

    assertEquals(400, trigger(new byte[] {'P', 'K', 3, 4, 9, 9, 9}).statusCode(), "bad zip");
    assertEquals(400, trigger(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}).statusCode(), "bad gzip");
    assertEquals(400, trigger(utf8("orderId;status\n\"o-1;NEW\n")).statusCode(), "bad CSV");
    assertEquals(400, trigger(new byte[0]).statusCode(), "no header");
    HttpResponse<String> unknown = trigger(zip("orderId;status;bogus\no-1;NEW;x\n"));
    assertEquals(400, unknown.statusCode());
    assertEquals("bogus", field(unknown));
    HttpResponse<String> noKey = trigger(utf8("status;note\nNEW;x\n"));
    assertEquals(400, noKey.statusCode());
    assertEquals("orderId", field(noKey));
    HttpResponse<String> noMandatory = trigger(utf8("orderId;note\no-1;x\n"));
    assertEquals(400, noMandatory.statusCode());
    assertEquals("status", field(noMandatory));
    // UPDATE_ONLY creates nothing: a mandatory column may be absent
    assertEquals(200, etl.oneShot("orders.csv", utf8("orderId;note\no-1;x\n"),
        definition("orders.csv", "UPDATE_ONLY", ";", "NONE", "[]")).statusCode());
    HttpResponse<String> notMultipart = etl.api.post(BASE + "/etl-executions", good("CREATE_UPDATE"));
    assertEquals(415, notMultipart.statusCode());
    assertEquals(400, etl.api.post(BASE + "/etls/" + ORDERS_ETL + "/trigger-execution",
        new TestSupport.Form().file("file", "orders.csv", utf8(GOOD))).statusCode(), "part inputFile required");
    assertEquals(0, etl.emu.admin().stats().served429Quota());
  }

  @Test
  void badDefinitionsAre400NamingTheField() {
    String good = good("CREATE_UPDATE");
    assertEquals("files[0].mode", field(oneShot(good.replace("CREATE_UPDATE", "DELETE"))));
    assertEquals("files[0].mode", field(oneShot(good.replace("\"mode\":\"CREATE_UPDATE\",", ""))));
    assertEquals("files[0].table.type", field(oneShot(good.replace("CUSTOM_TABLE", "SEGMENT"))));
    assertEquals("files[0].table.name", field(oneShot(good.replace("\"name\":\"orders\"", "\"name\":\"\""))));
    assertEquals("files[0].format.separator", field(oneShot(good.replace("\"separator\":\";\"",
        "\"separator\":\";;\""))));
    assertEquals("files[0].format.encoding", field(oneShot(good.replace("UTF-8", "KLINGON"))));
    assertEquals("files[0].attributesMapping", field(oneShot(good.replace(mapping("orderId", "status"), "{}"))));
    assertEquals("files[0].attributesMapping", field(oneShot(good.replace(mapping("orderId", "status"),
        "[{\"headerColumn\":\"orderId\"}]"))));
    assertEquals("files", field(oneShot("{\"type\":\"ONE_SHOT\",\"files\":[]}")));
    assertEquals("etlDefinition", field(oneShot("[1]")));
    HttpResponse<String> notJson = oneShot("{not json");
    assertEquals(400, notJson.statusCode());
    HttpResponse<String> otherName = etl.oneShot("orders-2.csv", utf8(GOOD), good);
    assertEquals(400, otherName.statusCode());
    assertEquals("files[0].fileName", field(otherName));
    assertTrue(json(otherName).get("message").asText().contains("orders-2.csv"), otherName.body());
    HttpResponse<String> noDefinition = etl.api.post(BASE + "/etl-executions",
        new TestSupport.Form().file("inputFile", "orders.csv", utf8(GOOD)));
    assertEquals("etlDefinition", field(noDefinition));
    HttpResponse<String> unknownTable = oneShot(good.replace("\"name\":\"orders\"", "\"name\":\"nope\""));
    assertEquals(404, unknownTable.statusCode(), unknownTable.body());
    assertEquals(200, oneShot(good).statusCode());
  }

  @Test
  void unknownEtlsAndExecutionsAre404() {
    assertEquals(404, etl.trigger("999", "orders.csv", utf8(GOOD)).statusCode());
    assertEquals(404, etl.status("1000001").statusCode());
    assertEquals(404, etl.status("abc").statusCode());
    assertEquals(404, etl.errorReport("1000001").statusCode());
    String id = created(trigger(utf8(GOOD)));
    assertEquals(200, etl.status(id).statusCode());
    assertEquals(404, etl.status(Long.toString(Long.parseLong(id) + 1)).statusCode());
  }

  @Test
  void dailyQuotaPerTableIsTheEtlsOwn() {
    for (int i = 0; i < 3; i++) {
      created(i % 2 == 0 ? trigger(utf8(GOOD)) : oneShot(good("CREATE_UPDATE")));
    }
    HttpResponse<String> refused = trigger(utf8(GOOD));
    assertEquals(429, refused.statusCode());
    assertEquals(Long.toString(Duration.ofHours(14).toSeconds()),
        refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(429, oneShot(good("CREATE_UPDATE")).statusCode());
    var stats = etl.emu.admin().stats();
    assertEquals(2, stats.served429Quota());
    assertEquals(1, stats.routeStatus("POST /etls/{id}/trigger-execution", 429));
    assertEquals(1, stats.routeStatus("POST /etl-executions", 429));
    // another table has its own quota; the v4 imports do not share the ETL quota
    created(etl.trigger("777", "c.csv", utf8("customerId\n9\n")));
    HttpResponse<String> v4 = etl.api.post(ImportTest.IMPORT, new TestSupport.Form().file("inputFile", "d.csv",
        utf8(GOOD)).json("parameters", null, "{\"mode\":\"CREATE_UPDATE\"}"));
    assertEquals(200, v4.statusCode(), v4.body());
    clock.advance(Duration.ofDays(1));
    etl.api.login();
    created(trigger(utf8(GOOD)));
  }

  @Test
  void aSeededEtlOnAnUnknownTableStopsTheStart() {
    String data = TestSupport.data().replace("\"name\": \"customers-comma\", \"table\": {\"type\": \"PROFILE_TABLE\", "
        + "\"name\": \"customers\"}", "\"name\": \"customers-comma\", \"table\": {\"type\": \"PROFILE_TABLE\", "
        + "\"name\": \"orders\"}");
    DataFileException e = assertThrows(DataFileException.class, () -> ActitoEmulator.builder().data(data).start());
    assertTrue(e.getMessage().contains("777"), e.getMessage());
    String badMode = TestSupport.data().replace("\"mode\": \"CREATE_UPDATE\", \"format\": {\"separator\": \",\"",
        "\"mode\": \"UPSERT\", \"format\": {\"separator\": \",\"");
    assertTrue(assertThrows(DataFileException.class, () -> ActitoEmulator.builder().data(badMode).start())
        .getMessage().contains("mode"));
  }
}
