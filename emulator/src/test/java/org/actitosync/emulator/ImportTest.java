package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.gzip;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportTest {
  static final String IMPORT = "/v4/entity/demo/customTable/orders/import";
  MutableClock clock = MutableClock.at(TestSupport.T0);
  ActitoEmulator emu;
  TestSupport.Api api;

  @BeforeEach
  void start() {
    // the v4 imports Actito retired in June 2025 are served only with the classic routes
    emu = ActitoEmulator.builder().data(TestSupport.data()).routes(RouteSet.BOTH).clock(clock)
        .importProcessingDelayMillis(150).bulkImportsPerTablePerDay(3).maxImportBytes(4096).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  /** A multipart body: inputFile (the bytes) and parameters (JSON as a file part, or as a plain field). */
  HttpResponse<String> upload(String path, byte[] file, String parameters, boolean parametersAsFile) {
    return api.post(path, new TestSupport.Form().file("inputFile", "data.zip", file)
        .json("parameters", parametersAsFile ? "parameters.json" : null, parameters));
  }

  static String params(String mode, String separator) {
    return "{\"mode\":\"" + mode + "\",\"encoding\":\"UTF-8\",\"format\":{\"separator\":\"" + separator
        + "\",\"endOfLine\":\"\\n\"},\"generateResultFile\":true}";
  }

  JsonNode awaitFinished(long id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonNode r = json(api.get("/v4/entity/demo/import/" + id + "/result"));
      if (!"RUNNING".equals(r.get("status").asText())) {
        return r;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("import " + id + " still RUNNING");
  }

  long created(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return json(r).get("id").asLong();
  }

  @Test
  void zippedCsvWithRowsInError() throws Exception {
    String csv = "orderId;customerId;amount;status;note\n"
        + "o-10;1;5.5;NEW;\"semi;colon \"\"quoted\"\"\"\n"
        + "o-1;2;7;PAID;\n"
        + "o-11;99;1;NEW;\n"
        + "o-12;1;abc;NEW;\n"
        + "o-13;1;2\n"
        + "o-14;;;NEW;\n";
    long id = created(upload(IMPORT, zip(csv), params("CREATE_UPDATE", ";"), true));
    JsonNode running = json(api.get("/v4/entity/demo/import/" + id + "/result"));
    assertEquals("RUNNING", running.get("status").asText());
    assertEquals(404, api.get("/v4/entity/demo/import/" + id + "/result-file").statusCode());

    JsonNode result = awaitFinished(id);
    assertEquals("FINISHED", result.get("status").asText());
    assertTrue(result.get("withErrors").asBoolean());
    assertEquals(3, result.get("rowsInError").asInt());
    assertEquals(6, result.get("rowsTotal").asInt());
    assertEquals(2, result.get("rowsCreated").asInt());
    assertEquals(1, result.get("rowsUpdated").asInt());

    Map<String, Map<String, Object>> rows = byKey(emu.admin().records("demo", "orders"));
    assertEquals("semi;colon \"quoted\"", rows.get("o-10").get("note"));
    assertEquals("PAID", rows.get("o-1").get("status"));
    assertEquals(2L, rows.get("o-1").get("customerId"));
    assertFalse(rows.containsKey("o-11") || rows.containsKey("o-12") || rows.containsKey("o-13"));

    HttpResponse<String> file = api.get("/mass-imports/v4/entity/demo/import/" + id + "/result-file");
    assertEquals(200, file.statusCode());
    List<String> lines = file.body().lines().toList();
    assertEquals("orderId;customerId;amount;status;note;resultStatus;resultMessage", lines.get(0));
    assertTrue(lines.get(1).startsWith("o-10;1;5.5;NEW;\"semi;colon \"\"quoted\"\"\";CREATED;"), lines.get(1));
    assertTrue(lines.get(2).startsWith("o-1;2;7;PAID;;UPDATED"), lines.get(2));
    assertTrue(lines.get(3).startsWith("o-11;99;1;NEW;;ERROR;") && lines.get(3).contains("customerId"), lines.get(3));
    assertTrue(lines.get(4).contains(";ERROR;") && lines.get(4).contains("amount"), lines.get(4));
    assertTrue(lines.get(5).startsWith("o-13;1;2;ERROR;"), lines.get(5));
    assertTrue(lines.get(6).startsWith("o-14;;;NEW;;CREATED"), lines.get(6));
  }

  @Test
  void gzippedCsvWithMappingAndCommaSeparator() throws Exception {
    String csv = "ref,state,price\no-20,NEW,1.25\no-21,LOST,2\n";
    String params = "{\"mode\":\"CREATE_UPDATE\",\"format\":{\"separator\":\",\"},"
        + "\"attributesMapping\":[{\"headerColumn\":\"ref\",\"attributeName\":\"orderId\"},"
        + "{\"headerColumn\":\"state\",\"attributeName\":\"status\"},"
        + "{\"headerColumn\":\"price\",\"attributeName\":\"amount\"}]}";
    long id = created(upload("/mass-imports" + IMPORT, gzip(csv), params, false));
    JsonNode result = awaitFinished(id);
    assertEquals("FINISHED", result.get("status").asText(), result.toString());
    assertEquals(1, result.get("rowsInError").asInt(), result.toString());
    assertEquals(1, result.get("rowsCreated").asInt(), result.toString());
    assertTrue(result.get("withErrors").asBoolean());
    String file = api.get("/v4/entity/demo/import/" + id + "/result-file").body();
    assertTrue(file.lines().toList().get(2).startsWith("o-21,LOST,2,ERROR,"), file);
    assertTrue(file.contains("status"), file);
    assertTrue(byKey(emu.admin().records("demo", "orders")).containsKey("o-20"));
  }

  @Test
  void createOnlyDoesNotModifyExistingRows() throws Exception {
    String csv = "orderId;status;note\no-1;PAID;changed\no-30;NEW;fresh\n";
    JsonNode result = awaitFinished(created(upload(IMPORT, zip(csv), params("CREATE_ONLY", ";"), true)));
    assertEquals(1, result.get("rowsCreated").asInt());
    assertEquals(1, result.get("rowsSkipped").asInt());
    assertEquals(0, result.get("rowsUpdated").asInt());
    assertFalse(result.get("withErrors").asBoolean());
    Map<String, Map<String, Object>> rows = byKey(emu.admin().records("demo", "orders"));
    assertEquals("NEW", rows.get("o-1").get("status"));
    assertFalse(rows.get("o-1").containsKey("note"));
    assertEquals("fresh", rows.get("o-30").get("note"));
  }

  @Test
  void updateOnlyDoesNotCreate() throws Exception {
    String csv = "orderId;note\no-1;changed\no-31;ghost\n";
    JsonNode result = awaitFinished(created(upload(IMPORT, zip(csv), params("UPDATE_ONLY", ";"), true)));
    assertEquals(1, result.get("rowsUpdated").asInt());
    assertEquals(1, result.get("rowsSkipped").asInt());
    Map<String, Map<String, Object>> rows = byKey(emu.admin().records("demo", "orders"));
    assertEquals("changed", rows.get("o-1").get("note"));
    assertFalse(rows.containsKey("o-31"));
  }

  @Test
  void profileImport() throws Exception {
    String csv = "customerId;emailAddress;lastName\n1;one@example.com;Uno\n3;three@example.com;Three\n4;bad;Four\n";
    long id = created(upload("/v4/entity/demo/table/customers/import", zip(csv), params("CREATE_UPDATE", ";"), true));
    JsonNode result = awaitFinished(id);
    assertEquals(1, result.get("rowsUpdated").asInt());
    assertEquals(1, result.get("rowsCreated").asInt());
    assertEquals(1, result.get("rowsInError").asInt());
    assertEquals(3, emu.admin().profiles("demo", "customers").size());
    assertEquals("Uno", emu.admin().profiles("demo", "customers").get(0).get("lastName"));
  }

  @Test
  void unusableImportsAre400() {
    assertEquals(400, upload(IMPORT, zip("orderId;bogus\no-1;x\n"), params("CREATE_UPDATE", ";"), true).statusCode());
    assertEquals(400, upload(IMPORT, zip("note\nx\n"), params("CREATE_UPDATE", ";"), true).statusCode());
    assertEquals(400, upload(IMPORT, zip("orderId;note\no-1;x\n"), params("CREATE_UPDATE", ";"), true).statusCode());
    assertEquals(400, upload(IMPORT, zip("orderId;orderId\no-1;x\n"), params("UPDATE_ONLY", ";"), true).statusCode());
    assertEquals(400, upload(IMPORT, zip("orderId\no-1\n"), params("DELETE", ";"), true).statusCode());
    assertEquals(400, upload(IMPORT, new byte[] {'P', 'K', 3, 4, 9, 9, 9}, params("CREATE_UPDATE", ";"), true)
        .statusCode());
    byte[] big = ("orderId;status\n" + "o-x;NEW\n".repeat(600)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> tooBig = upload(IMPORT, big, params("CREATE_UPDATE", ";"), true);
    assertEquals(400, tooBig.statusCode());
    assertTrue(json(tooBig).get("message").asText().contains("4096"));
    assertEquals(404, api.get("/v4/entity/demo/import/999/result").statusCode());
    // none of these used the daily quota
    assertEquals(0, emu.admin().stats().served429Quota());
  }

  @Test
  void dailyQuotaPerTable() {
    String csv = "orderId;status\no-40;NEW\n";
    for (int i = 0; i < 3; i++) {
      created(upload(IMPORT, zip(csv), params("CREATE_UPDATE", ";"), true));
    }
    HttpResponse<String> refused = upload(IMPORT, zip(csv), params("CREATE_UPDATE", ";"), true);
    assertEquals(429, refused.statusCode());
    assertEquals(Long.toString(Duration.ofHours(14).toSeconds()),
        refused.headers().firstValue("Retry-After").orElseThrow());
    // another table has its own quota
    created(upload("/v4/entity/demo/table/customers/import", zip("customerId\n9\n"), params("CREATE_UPDATE", ";"),
        true));
    clock.advance(Duration.ofDays(1));
    api.login(); // the token expired meanwhile
    created(upload(IMPORT, zip(csv), params("CREATE_UPDATE", ";"), true));
    assertEquals(1, emu.admin().stats().served429Quota());
  }

  static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> out = new java.util.HashMap<>();
    rows.forEach(r -> out.put((String) r.get("orderId"), r));
    return out;
  }
}
