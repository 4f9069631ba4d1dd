package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** A started emulator on the test data and v5 ETL calls to it over HTTP (entity demo). */
final class EtlCalls implements AutoCloseable {
  static final String BASE = "/mass-imports/v5/entities/demo";
  static final String ORDERS_ETL = "123456";
  final ActitoEmulator emu;
  final TestSupport.Api api;

  private EtlCalls(ActitoEmulator emu) {
    this.emu = emu;
    this.api = new TestSupport.Api(emu).login();
  }

  /** Starts {@code builder} on the test data and logs in. */
  static EtlCalls start(ActitoEmulator.Builder builder) {
    return new EtlCalls(builder.data(TestSupport.data()).start());
  }

  @Override
  public void close() {
    emu.close();
  }

  HttpResponse<String> trigger(String etlId, String fileName, byte[] file) {
    return api.post(BASE + "/etls/" + etlId + "/trigger-execution",
        new TestSupport.Form().file("inputFile", fileName, file));
  }

  HttpResponse<String> oneShot(String fileName, byte[] file, String definition) {
    return api.post(BASE + "/etl-executions", new TestSupport.Form().file("inputFile", fileName, file)
        .json("etlDefinition", "etl-definition.json", definition));
  }

  /** The contract's default one-shot template filled for the orders table (CUSTOM_TABLE). */
  static String definition(String fileName, String mode, String separator, String compression, String mapping) {
    return "{\"type\":\"ONE_SHOT\",\"files\":[{\"fileName\":\"" + fileName + "\","
        + "\"table\":{\"type\":\"CUSTOM_TABLE\",\"name\":\"orders\"},\"mode\":\"" + mode + "\","
        + "\"format\":{\"separator\":\"" + separator + "\",\"encoding\":\"UTF-8\",\"compression\":\"" + compression
        + "\",\"header\":true},\"attributesMapping\":" + mapping + "}],\"reportRecipients\":[]}";
  }

  /** The identity mapping of {@code columns}. */
  static String mapping(String... columns) {
    var arr = TestSupport.MAPPER.createArrayNode();
    for (String c : columns) {
      arr.addObject().put("headerColumn", c).put("attributeName", c);
    }
    return arr.toString();
  }

  /** The executionId of a 200 creation answer. */
  static String created(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return json(r).get("executionId").asText();
  }

  HttpResponse<String> status(String id) {
    return api.get(BASE + "/etl-executions/" + id);
  }

  HttpResponse<String> errorReport(String id) {
    return api.send(api.req(BASE + "/etl-executions/" + id + "/error-report").header("Accept", "text/csv, */*").GET());
  }

  /** Polls until the status is not RUNNING. */
  JsonNode awaitFinished(String id) throws InterruptedException {
    for (int i = 0; i < 250; i++) {
      HttpResponse<String> r = status(id);
      assertEquals(200, r.statusCode(), r.body());
      JsonNode s = json(r);
      if (!"RUNNING".equals(s.get("status").asText())) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("ETL execution " + id + " still RUNNING");
  }

  /** The {@code details[0].field} of an error body. */
  static String field(HttpResponse<String> r) {
    return json(r).path("details").path(0).path("field").asText(null);
  }
}
