package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher end to end: mapping changes, dry runs, bad rows, exit codes. */
class ActivationEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * Progress lines come from the run's own metrics while it runs (the DirectRunner not blocking in
   * {@code run()}, as the direct jar runs it): the emulator holds the record calls for 3 s, so lines
   * print while every row is read and classified and nothing is written yet. The report's counts
   * read the same metrics once the run is done and stay exact.
   */
  @Test
  void progressLinesComeFromTheRunsMetricsWhileItRuns() throws Exception {
    try (Activations a = new Activations(dir, "progress")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('p1',1,10,'NEW'),('p2',2,20,'PAID'),('p3',1,30,'NEW')");
      org.actitosync.emulator.faults.RequestHold slowWrites =
          a.emulator.admin().holdRequests("POST /record", 100, java.time.Duration.ofSeconds(3));

      Activations.Result run = a.launch("--config=" + a.config("MIRROR"), "--runId=p-1", "--progressSeconds=1");

      assertEquals(0, run.code(), run.out() + run.err());
      assertEquals(3, slowWrites.arrivals(), "every record call was held");
      List<String> lines = run.out().lines().filter(l -> l.startsWith("progress: ")).collect(Collectors.toList());
      assertTrue(lines.contains("progress: 3 rows read, 0 of 3 changes written, ETA 2s at 90 calls/min"), run.out());
      for (String line : lines) {
        assertTrue(line.matches("progress: [0-3] rows read, [0-3] of [0-3] changes written, ETA [0-2]s at 90 calls/min"),
            line);
      }
      JsonNode report = JSON.readTree(dir.resolve("snapshots/progress/runs/p-1/report.json").toFile());
      assertEquals(3, report.path("rowsRead").asLong());
      assertEquals(3, report.path("classified").path("INSERT").asLong());
      assertEquals(3, report.path("outcomeTotals").path("APPLIED").asLong());
    }
  }

  @Test
  void anAttributeAddedToTheMappingIsCreatedAndSentAlone() throws Exception {
    try (Activations a = new Activations(dir, "mapping-change")) {
      a.sql("ALTER TABLE " + a.table + " ADD COLUMN channel text",
          "INSERT INTO " + a.table + " VALUES ('m1',1,10,'NEW','web'),('m2',2,20,'PAID','shop')");
      assertEquals(0, a.launch("--config=" + a.config("UPSERT")).code());
      Path changed = a.config("UPSERT", "{column: channel, attribute: channel, create: true}");

      // every row would be updated: the mapping-change guard asks for a confirmation first
      Activations.Result refused = a.launch("--config=" + changed);
      assertEquals(ExitCode.GUARD_REFUSAL.code(), refused.code(), refused.out() + refused.err());
      assertTrue(refused.err().contains("--confirmMappingUpdates=2"), refused.err());
      a.emulator.admin().resetStats();

      Activations.Result second = a.launch("--config=" + changed, "--confirmMappingUpdates=2");
      assertEquals(0, second.code(), second.out() + second.err());
      assertTrue(refused.out().contains("created attribute 'channel' (STRING)"), refused.out());
      assertTrue(second.out().contains("attribute 'channel' is new; it is sent for every row, alone"), second.out());
      Map<String, Object> m1 = a.emulator.admin().records("demo", "orders").stream()
          .filter(r -> "m1".equals(r.get("orderId"))).findFirst().orElseThrow();
      assertEquals("web", m1.get("channel"));
      assertEquals(2, a.emulator.admin().stats().route("POST /record"));
      JsonNode report = report(a, second);
      assertEquals(2, report.path("classified").path("UPDATE").asLong());
      // the dead letters are empty and the third run sends nothing
      long before = a.writeCalls();
      assertEquals(0, a.launch("--config=" + changed).code());
      assertEquals(before, a.writeCalls());
    }
  }

  @Test
  void aDryRunPlansExactlyWhatTheNextRunDoesAndChangesNothing() throws Exception {
    try (Activations a = new Activations(dir, "dry-run")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('d1',1,10,'NEW'),('d2',2,20,'PAID'),('d3',1,30,'NEW')");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config).code());
      a.sql("UPDATE " + a.table + " SET status = 'PAID' WHERE order_id = 'd1'",
          "DELETE FROM " + a.table + " WHERE order_id = 'd2'",
          "INSERT INTO " + a.table + " VALUES ('d4',2,40,'NEW')");
      Map<String, String> before = a.amounts();
      long writesBefore = a.writeCalls();
      String committed = Files.readString(dir.resolve("snapshots/dry-run/CURRENT")).trim();

      Activations.Result dry = a.launchOn(Activations.DIRECT_ENFORCING, "--config=" + config, "--dryRun",
          "--runId=plan-1");
      assertEquals(0, dry.code(), dry.out() + dry.err());
      assertEquals(before, a.amounts());
      assertEquals(writesBefore, a.writeCalls(), "a dry run writes nothing");
      assertEquals(committed, Files.readString(dir.resolve("snapshots/dry-run/CURRENT")).trim());
      List<JsonNode> plan = lines(dir.resolve("snapshots/dry-run/runs/plan-1/plan"), "changes");
      List<String> planned = plan.stream()
          .map(n -> n.path("operation").asText() + " " + n.path("key").asText() + " " + n.path("changed"))
          .sorted().collect(Collectors.toList());
      assertEquals(List.of("DELETE d2 {}", "INSERT d4 {\"amount\":\"40\",\"customerId\":\"2\",\"orderId\":\"d4\",\"status\":\"NEW\"}",
          "UPDATE d1 {\"status\":\"PAID\"}"), planned);
      JsonNode plannedReport = JSON.readTree(dir.resolve("snapshots/dry-run/runs/plan-1/plan/report.json").toFile());
      assertEquals("RECORDS", plannedReport.path("strategy").path("strategy").asText());
      assertEquals(3, plannedReport.path("strategy").path("estimatedCalls").asLong());

      Activations.Result real = a.launch("--config=" + config, "--runId=real-1");
      assertEquals(0, real.code(), real.out() + real.err());
      JsonNode report = JSON.readTree(dir.resolve("snapshots/dry-run/runs/real-1/report.json").toFile());
      for (String kind : new String[] {"INSERT", "UPDATE", "DELETE", "UNCHANGED", "SKIPPED", "REJECTED"}) {
        assertEquals(plannedReport.path("classified").path(kind).asLong(), report.path("classified").path(kind).asLong(), kind);
      }
      assertEquals(3, report.path("outcomeTotals").path("APPLIED").asLong());
      assertEquals(3, a.writeCalls() - writesBefore);
    }
  }

  @Test
  void badRowsEndInTheDeadLettersAndTheReportWhileTheOthersSync() throws Exception {
    try (Activations a = new Activations(dir, "bad-rows")) {
      a.sql("ALTER TABLE " + a.table + " ALTER COLUMN customer_id TYPE text",
          "INSERT INTO " + a.table + " VALUES ('ok1','1',10,'NEW'),('ok2','2',20,'PAID'),"
              + "('wrong-type','abc',30,'NEW'),"                          // text into a LONG attribute
              + "('this-key-is-far-too-long-for-actito','1',40,'NEW')," // over maxLength 24
              + "(NULL,'1',50,'NEW'),"                                   // null key
              + "('dup','1',60,'NEW'),('dup','2',61,'NEW')");            // duplicate key
      Path config = a.config("UPSERT").getFileSystem().getPath(a.config("UPSERT").toString());
      String yaml = Files.readString(config).replace("{column: customer_id, attribute: customerId}",
          "{column: customer_id, attribute: customerId, type: LONG}");
      Files.writeString(config, yaml);
      Activations.Result run = a.launchOn(Activations.DIRECT_ENFORCING, "--config=" + config, "--runId=bad-1");
      assertEquals(ExitCode.REJECTED_ROWS.code(), run.code(), run.out() + run.err());
      Map<String, String> amounts = a.amounts();
      assertEquals("10", amounts.get("ok1"));
      assertEquals("20", amounts.get("ok2"));
      assertFalse(amounts.containsKey("dup"));
      assertFalse(amounts.containsKey("wrong-type"));

      List<JsonNode> dead = lines(dir.resolve("snapshots/bad-rows/runs/bad-1/rejected"), "part");
      Map<String, JsonNode> byKey = dead.stream().collect(Collectors.toMap(n -> n.path("key").asText(), n -> n));
      assertEquals(4, dead.size(), dead.toString());
      assertEquals("INVALID_VALUE", byKey.get("wrong-type").path("rule").asText());
      assertTrue(byKey.get("wrong-type").path("reason").asText().contains("customerId"), byKey.get("wrong-type").toString());
      assertEquals("DUPLICATE_KEY", byKey.get("dup").path("rule").asText());
      assertEquals("NULL_KEY", byKey.get("").path("rule").asText());
      JsonNode tooLong = byKey.get("this-key-is-far-too-long-for-actito");
      assertEquals(400, tooLong.path("httpStatus").asInt());
      assertTrue(tooLong.path("actitoMessage").asText().contains("orderId"), tooLong.toString());
      for (JsonNode line : dead) {
        assertEquals("bad-1", line.path("runId").asText());
        assertFalse(line.toString().contains(Activations.KEY), "no API key in dead letters");
      }
      JsonNode report = JSON.readTree(dir.resolve("snapshots/bad-rows/runs/bad-1/report.json").toFile());
      assertEquals(3, report.path("classified").path("REJECTED").asLong());
      assertEquals(1, report.path("outcomeTotals").path("REJECTED").asLong());
      assertEquals(2, report.path("outcomeTotals").path("APPLIED").asLong());
      assertFalse(report.toString().contains(Activations.KEY));
      assertTrue(run.out().contains("dead letters"), run.out());
    }
  }

  @Test
  void aFullResyncRestoresRecordsChangedByHandAndTheNextRunSendsNothing() throws Exception {
    try (Activations a = new Activations(dir, "full-resync")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('f1',1,10,'NEW'),('f2',2,20,'PAID'),('f3',1,30,'NEW')");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config).code());
      Map<String, String> synced = a.amounts();
      // someone edits Actito by hand: the snapshot cannot see it
      a.emulator.admin().putRecords("demo", "orders",
          List.of(Map.of("orderId", "f1", "customerId", 1, "amount", 999, "status", "CANCELLED")));
      long before = a.writeCalls();
      Activations.Result resync = a.launch("--config=" + config, "--fullResync");
      assertEquals(0, resync.code(), resync.out() + resync.err());
      assertEquals(synced, a.amounts());
      assertEquals(3, a.writeCalls() - before, "every source row sent once");
      long after = a.writeCalls();
      assertEquals(0, a.launch("--config=" + config).code());
      assertEquals(after, a.writeCalls(), "the run after the resync sends nothing");
    }
  }

  @Test
  void guardsRefuseMassDeletesAndAnEmptySourceUntilConfirmed() throws Exception {
    try (Activations a = new Activations(dir, "guards")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('g1',1,1,'NEW'),('g2',1,2,'NEW'),('g3',1,3,'NEW'),"
          + "('g4',2,4,'NEW'),('g5',2,5,'NEW'),('g6',2,6,'NEW')");
      Path config = a.config("MIRROR");
      Activations.Result first = a.launch("--config=" + config);
      assertEquals(0, first.code(), first.err());
      Map<String, String> synced = a.amounts();
      String committed = Files.readString(dir.resolve("snapshots/guards/CURRENT")).trim();

      a.sql("DELETE FROM " + a.table + " WHERE order_id IN ('g1','g2','g3','g4')");
      Activations.Result refused = a.launch("--config=" + config);
      assertEquals(ExitCode.GUARD_REFUSAL.code(), refused.code(), refused.out() + refused.err());
      assertTrue(refused.err().contains("--confirmDeletes=4"), refused.err());
      assertTrue(refused.err().contains("--confirmRows=2"), refused.err());
      assertEquals(synced, a.amounts(), "nothing written");
      assertEquals(committed, Files.readString(dir.resolve("snapshots/guards/CURRENT")).trim());

      Activations.Result wrong = a.launch("--config=" + config, "--confirmDeletes=3", "--confirmRows=2");
      assertEquals(ExitCode.GUARD_REFUSAL.code(), wrong.code());
      Activations.Result confirmed = a.launch("--config=" + config, "--confirmDeletes=4", "--confirmRows=2");
      assertEquals(0, confirmed.code(), confirmed.out() + confirmed.err());
      assertEquals(List.of("g5", "g6", "o-1"), new ArrayList<>(a.amounts().keySet()));

      a.sql("DELETE FROM " + a.table);
      Activations.Result empty = a.launch("--config=" + config, "--mode=UPSERT");
      assertEquals(ExitCode.GUARD_REFUSAL.code(), empty.code(), empty.out() + empty.err());
      assertTrue(empty.err().contains("--confirmRows=0"), empty.err());
    }
  }

  @Test
  void exitCodesTellConfigAndAuthenticationErrorsApart() throws Exception {
    try (Activations a = new Activations(dir, "exit-codes")) {
      Path config = a.config("UPSERT");
      Activations.Result badMode = a.launch("--config=" + config, "--mode=SOMETIMES");
      assertEquals(ExitCode.CONFIG_ERROR.code(), badMode.code());
      assertTrue(badMode.err().contains("mode"), badMode.err());

      Activations.Result missingAttribute =
          a.launch("--config=" + a.config("UPSERT", "{column: status, attribute: nowhere, create: false}"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), missingAttribute.code(), missingAttribute.err());
      assertTrue(missingAttribute.err().contains("'nowhere' does not exist in custom table 'orders'"), missingAttribute.err());

      Files.writeString(dir.resolve("api.key"), "not-a-valid-key");
      Activations.Result auth = a.launch("--config=" + config);
      assertEquals(ExitCode.AUTH_ERROR.code(), auth.code(), auth.err());
      assertFalse(auth.err().contains("not-a-valid-key"), "the key never appears: " + auth.err());
      assertEquals(0, a.writeCalls());
    }
  }

  static JsonNode report(Activations a, Activations.Result run) throws Exception {
    String line = run.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow();
    String path = line.substring("report: ".length());
    return JSON.readTree(Path.of(path.startsWith("file:") ? new java.net.URI(path).getPath() : path).toFile());
  }

  static List<JsonNode> lines(Path folder, String prefix) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).collect(Collectors.toList())) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            lines.add(JSON.readTree(line));
          }
        }
      }
    }
    return lines;
  }
}
