package org.actitosync.emulator;

import static org.actitosync.emulator.EtlCalls.BASE;
import static org.actitosync.emulator.EtlCalls.ORDERS_ETL;
import static org.actitosync.emulator.EtlCalls.created;
import static org.actitosync.emulator.TestSupport.gzip;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v5 ETL executions over HTTP: definitions, both ways of running one, status and error report. */
class EtlTest {
  MutableClock clock = MutableClock.at(TestSupport.T0);
  EtlCalls etl;

  @BeforeEach
  void start() {
    etl = EtlCalls.start(ActitoEmulator.builder().clock(clock).importProcessingDelayMillis(150));
  }

  @AfterEach
  void stop() {
    etl.close();
  }

  /** 10 data lines of orders o-101..o-110; lines 4 (amount) and 8 (status) are in error. */
  static String tenOrdersTwoBad() {
    StringBuilder csv = new StringBuilder("orderId;customerId;amount;status;note\n");
    for (int i = 1; i <= 10; i++) {
      String amount = i == 4 ? "abc" : i + ".5";
      String status = i == 8 ? "LOST" : "NEW";
      csv.append("o-").append(100 + i).append(";1;").append(amount).append(';').append(status).append(";n")
          .append(i).append('\n');
    }
    return csv.toString();
  }

  @Test
  void definitionsAreServedWithoutTheirEntity() {
    JsonNode list = json(etl.api.get(BASE + "/etls"));
    assertEquals(2, list.get("etls").size());
    JsonNode one = json(etl.api.get(BASE + "/etls/" + ORDERS_ETL));
    assertEquals(list.get("etls").get(0), one);
    assertEquals("123456", one.get("id").asText());
    assertEquals("orders", one.get("table").get("name").asText());
    assertEquals("CREATE_UPDATE", one.get("mode").asText());
    assertEquals(";", one.get("format").get("separator").asText());
    assertFalse(one.has("entity"));
    assertEquals(404, etl.api.get(BASE + "/etls/999").statusCode());
    assertEquals(403, etl.api.get("/mass-imports/v5/entities/other/etls").statusCode());
  }

  @Test
  void shippedDataFilesSeedTheOrdersEtl() throws Exception {
    for (String file : List.of("examples/demo-data.json", "../scripts/demo/actito-data.json",
        "../transforms/src/test/resources/actito/emulator-data.json")) {
      java.nio.file.Path path = java.nio.file.Path.of(file);
      String key = TestSupport.MAPPER.readTree(path.toFile()).get("apiKeys").get(0).get("key").asText();
      try (ActitoEmulator other = ActitoEmulator.builder().dataFile(path).start()) {
        TestSupport.Api client = new TestSupport.Api(other);
        client.token = json(client.token(key)).get("accessToken").asText();
        JsonNode def = json(client.get(BASE + "/etls/" + ORDERS_ETL));
        assertEquals("orders", def.path("table").path("name").asText(), file);
        assertEquals(";", def.path("format").path("separator").asText(), file);
      }
    }
  }

  @Test
  void triggeredExecutionWithTwoBadRowsOfTen() throws Exception {
    String id = created(etl.trigger(ORDERS_ETL, "orders.csv.gz", gzip(tenOrdersTwoBad())));
    JsonNode running = json(etl.status(id));
    assertEquals("RUNNING", running.get("status").asText());
    assertTrue(running.get("endMoment").isNull());
    assertFalse(running.has("_links"));
    assertEquals(404, etl.errorReport(id).statusCode());

    JsonNode done = etl.awaitFinished(id);
    assertEquals(id, done.get("id").asText());
    assertEquals(ORDERS_ETL, done.get("etlId").asText());
    assertEquals("WITH_ERROR", done.get("status").asText());
    assertEquals("2026-01-15 10:00:00", done.get("startMoment").asText());
    assertEquals("2026-01-15 10:00:00", done.get("endMoment").asText());
    JsonNode file = done.get("files").get(0);
    assertEquals("orders.csv.gz", file.get("fileName").asText());
    assertEquals("CUSTOM_TABLE", file.get("table").get("type").asText());
    assertEquals("orders", file.get("table").get("name").asText());
    assertEquals(10, file.get("rowsTotal").asInt());
    assertEquals(2, file.get("rowsInError").asInt());
    String href = done.get("_links").get("errorReport").get("href").asText();
    assertEquals(BASE + "/etl-executions/" + id + "/error-report", href);

    HttpResponse<String> report = etl.api.get(href);
    assertEquals(200, report.statusCode());
    assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<String> lines = report.body().lines().toList();
    assertEquals(3, lines.size(), report.body());
    assertEquals("orderId;customerId;amount;status;note;errorMessage", lines.get(0));
    assertTrue(lines.get(1).startsWith("o-104;1;abc;NEW;n4;") && lines.get(1).contains("amount"), lines.get(1));
    assertTrue(lines.get(2).startsWith("o-108;1;8.5;LOST;n8;") && lines.get(2).contains("status"), lines.get(2));

    Map<String, Map<String, Object>> rows = ImportTest.byKey(etl.emu.admin().records("demo", "orders"));
    List<String> expected = new ArrayList<>(List.of("o-1"));
    for (int i = 1; i <= 10; i++) {
      if (i != 4 && i != 8) {
        expected.add("o-" + (100 + i));
      }
    }
    assertEquals(expected.stream().sorted().toList(), rows.keySet().stream().sorted().toList());
    assertEquals("n10", rows.get("o-110").get("note"));
  }

  @Test
  void oneShotExecutionWithMappingLandsEveryRow() throws Exception {
    String csv = "ref,state,price\no-20,NEW,1.25\no-1,PAID,\n";
    String mapping = "[{\"headerColumn\":\"ref\",\"attributeName\":\"orderId\"},"
        + "{\"headerColumn\":\"state\",\"attributeName\":\"status\"},"
        + "{\"headerColumn\":\"price\",\"attributeName\":\"amount\"}]";
    String id = created(etl.oneShot("batch-1.zip", zip(csv),
        EtlCalls.definition("batch-1.zip", "CREATE_UPDATE", ",", "ZIP", mapping)));
    JsonNode done = etl.awaitFinished(id);
    assertEquals("SUCCESS", done.get("status").asText());
    assertTrue(done.get("etlId").isNull());
    assertFalse(done.has("_links"));
    assertEquals(2, done.get("files").get(0).get("rowsTotal").asInt());
    assertEquals(0, done.get("files").get(0).get("rowsInError").asInt());
    assertEquals("batch-1.zip", done.get("files").get(0).get("fileName").asText());
    assertEquals(404, etl.errorReport(id).statusCode());
    Map<String, Map<String, Object>> rows = ImportTest.byKey(etl.emu.admin().records("demo", "orders"));
    assertEquals(new java.math.BigDecimal("1.25"), rows.get("o-20").get("amount"));
    assertEquals("PAID", rows.get("o-1").get("status"));
    assertFalse(rows.get("o-1").containsKey("amount"), "an empty cell clears the attribute");
  }

  @Test
  void triggeredProfileEtlUsesItsOwnSeparator() throws Exception {
    String csv = "customerId,emailAddress,lastName\n1,uno@example.com,Uno\n3,three@example.com,Three\n";
    JsonNode done = etl.awaitFinished(created(etl.trigger("777", "customers.csv",
        csv.getBytes(StandardCharsets.UTF_8))));
    assertEquals("SUCCESS", done.get("status").asText());
    assertEquals("PROFILE_TABLE", done.get("files").get(0).get("table").get("type").asText());
    assertEquals(3, etl.emu.admin().profiles("demo", "customers").size());
  }

  @Test
  void errorReportModes() throws Exception {
    String id = created(etl.trigger(ORDERS_ETL, "orders.csv", tenOrdersTwoBad().getBytes(StandardCharsets.UTF_8)));
    etl.awaitFinished(id);
    String ok = created(etl.trigger(ORDERS_ETL, "ok.csv", "orderId;status\no-50;NEW\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("SUCCESS", etl.awaitFinished(ok).get("status").asText());

    etl.emu.admin().errorReports(ErrorReportMode.GARBLED);
    HttpResponse<String> garbled = etl.errorReport(id);
    assertEquals(200, garbled.statusCode());
    assertFalse(garbled.body().startsWith("orderId;"), garbled.body());
    assertFalse(garbled.body().contains("o-104"), garbled.body());
    assertEquals(404, etl.errorReport(ok).statusCode(), "GARBLED does not invent a report");

    HttpResponse<String> viaHttp = etl.api.post("/_emulator/etl/error-reports", "{\"mode\":\"MISSING\"}");
    assertEquals(200, viaHttp.statusCode(), viaHttp.body());
    assertEquals(ErrorReportMode.MISSING, etl.emu.admin().errorReports());
    assertEquals(404, etl.errorReport(id).statusCode());
    assertEquals("WITH_ERROR", json(etl.status(id)).get("status").asText(), "the status is unchanged");
    assertEquals(400, etl.api.post("/_emulator/etl/error-reports", "{\"mode\":\"LOST\"}").statusCode());

    assertEquals(200, etl.api.post("/_emulator/etl/error-reports", "{\"mode\":\"NORMAL\"}").statusCode());
    assertTrue(etl.errorReport(id).body().startsWith("orderId;customerId;amount;status;note;errorMessage\n"));

    etl.emu.admin().errorReports(ErrorReportMode.MISSING);
    etl.emu.admin().reset();
    assertEquals(ErrorReportMode.NORMAL, etl.emu.admin().errorReports());
    assertEquals(404, etl.status(id).statusCode(), "reset forgets executions");
  }

  @Test
  void routesAreCountedUnderTheContractNames() throws Exception {
    etl.emu.admin().resetStats();
    String id = created(etl.trigger(ORDERS_ETL, "orders.csv", tenOrdersTwoBad().getBytes(StandardCharsets.UTF_8)));
    etl.awaitFinished(id);
    etl.errorReport(id);
    String csv = "orderId;status\no-60;NEW\n";
    created(etl.oneShot("x.csv", csv.getBytes(StandardCharsets.UTF_8),
        EtlCalls.definition("x.csv", "CREATE_UPDATE", ";", "NONE", EtlCalls.mapping("orderId", "status"))));
    etl.api.get(BASE + "/etls/" + ORDERS_ETL);
    var stats = etl.emu.admin().stats();
    assertEquals(1, stats.routeStatus("POST /etls/{id}/trigger-execution", 200));
    assertEquals(1, stats.routeStatus("POST /etl-executions", 200));
    assertEquals(1, stats.routeStatus("GET /etl-executions/{id}/error-report", 200));
    assertEquals(1, stats.routeStatus("GET /etls/{id}", 200));
    assertNotNull(stats.byRoute().get("GET /etl-executions/{id}"));
  }
}
