package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.pipeline.source.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL {@code timestamptz} values with microseconds, through the real launcher (DirectRunner)
 * and record calls into the emulator over HTTP: Actito takes {@code yyyy-MM-dd HH:mm:ss}, so the
 * first run applies every row with its value truncated (never rounded) to the second, and the second
 * run sends nothing, its digests being taken after truncation (even for a row whose source value
 * changed below the second). The zone ({@code target.timeZone})
 * changes only the text sent: switching it resends nothing until {@code --fullResync}.
 */
class TimestampEndToEndTest {
  static final String COLUMNS = "event_id text, at timestamptz";

  @TempDir Path dir;

  @Test
  void microsecondsAreTruncatedOnceAndNeverResent() throws Exception {
    try (Activations a = new Activations(dir, "ts", data(), COLUMNS)) {
      a.sql("INSERT INTO " + a.table + " VALUES "
          + "('micro', '2024-05-01 08:00:00.123456+00'),"
          + "('almost-next-second', '2024-05-01 08:00:00.999999+00'),"
          + "('almost-new-year', '2024-12-31 23:59:59.999999+00'),"   // not rounded into 2025
          + "('offset', '2024-07-15 14:30:59.5+02'),"
          + "('before-1970', '1969-07-20 20:17:40.999999+00'),"
          + "('whole', '2024-03-31 01:00:00+00'),"
          + "('none', NULL)");
      Path config = config(a);

      Activations.Result first = a.launch("--config=" + config, "--runId=ts-1");
      assertEquals(0, first.code(), first.out() + first.err());
      JsonNode report1 = ActivationEndToEndTest.report(a, first);
      assertEquals(7, report1.path("classified").path("INSERT").asLong(), report1.toString());
      assertEquals(7, report1.path("outcomeTotals").path("APPLIED").asLong(), report1.toString());
      assertEquals(0, report1.path("outcomeTotals").path("REJECTED").asLong(), report1.toString());
      Map<String, Object> utc = new TreeMap<>(Map.of(
          "micro", "2024-05-01 08:00:00",
          "almost-next-second", "2024-05-01 08:00:00",
          "almost-new-year", "2024-12-31 23:59:59",
          "offset", "2024-07-15 12:30:59",
          "before-1970", "1969-07-20 20:17:40",
          "whole", "2024-03-31 01:00:00"));
      utc.put("none", null);
      assertEquals(utc, stored(a));

      // a source value that moves only below the second is the same value for Actito: not resent
      a.sql("UPDATE " + a.table + " SET at = '2024-05-01 08:00:00.654321+00' WHERE event_id = 'micro'");
      long writes = a.writeCalls();
      Activations.Result second = a.launch("--config=" + config, "--runId=ts-2");
      assertEquals(0, second.code(), second.out() + second.err());
      assertNothingSent(a, second, writes);

      // another zone: the canonical values (UTC instants) did not change, so nothing is resent...
      Activations.Result rezoned = a.launch("--config=" + config, "--runId=ts-3",
          "--target.timeZone=Europe/Brussels");
      assertEquals(0, rezoned.code(), rezoned.out() + rezoned.err());
      assertNothingSent(a, rezoned, writes);
      assertEquals(utc, stored(a));

      // ...until a full resync rewrites every record in the new zone (summer UTC+2, winter UTC+1)
      Activations.Result resync = a.launch("--config=" + config, "--runId=ts-4",
          "--target.timeZone=Europe/Brussels", "--fullResync");
      assertEquals(0, resync.code(), resync.out() + resync.err());
      Map<String, Object> brussels = new TreeMap<>(Map.of(
          "micro", "2024-05-01 10:00:00",
          "almost-next-second", "2024-05-01 10:00:00",
          "almost-new-year", "2025-01-01 00:59:59",
          "offset", "2024-07-15 14:30:59",
          "before-1970", "1969-07-20 21:17:40",
          "whole", "2024-03-31 03:00:00"));
      brussels.put("none", null);
      assertEquals(brussels, stored(a));
    }
  }

  private static void assertNothingSent(Activations a, Activations.Result run, long writesBefore) throws Exception {
    JsonNode report = ActivationEndToEndTest.report(a, run);
    assertEquals(7, report.path("classified").path("UNCHANGED").asLong(), report.toString());
    for (String kind : new String[] {"INSERT", "UPDATE", "DELETE", "REJECTED"}) {
      assertEquals(0, report.path("classified").path(kind).asLong(), kind + " in " + report);
    }
    report.path("api").path("calls").fieldNames().forEachRemaining(call ->
        assertTrue(call.startsWith("TOKEN."), "a call other than the token's: " + call + " in " + report));
    assertEquals(writesBefore, a.writeCalls(), "record calls in the emulator");
  }

  /** The emulator's table: eventId → the TIMESTAMP text it holds (null when unset). */
  private static Map<String, Object> stored(Activations a) {
    Map<String, Object> out = new TreeMap<>();
    for (Map<String, Object> record : a.emulator.admin().records("demo", "events")) {
      out.put((String) record.get("eventId"), record.get("at"));
    }
    return out;
  }

  private static Path config(Activations a) throws Exception {
    String yaml = "name: ts\nsource:\n  jdbc:\n    url: " + Postgres.url() + "\n"
        + "    query: SELECT * FROM " + a.table + "\n"
        + "key: event_id\nmapping:\n"
        + "  - {column: event_id, attribute: eventId}\n"
        + "  - {column: at, attribute: at}\n"
        + "mode: UPSERT\ntarget:\n  baseUrl: " + a.emulator.baseUrl() + "\n"
        + "  entity: demo\n  table: events\n  apiKeyFile: " + a.dir.resolve("api.key") + "\n"
        + "snapshot:\n  root: " + a.dir.resolve("snapshots") + "\n";
    Path file = a.dir.resolve("ts.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String data() {
    return "{\"entities\":[{\"id\":1,\"name\":\"demo\"}],"
        + "\"apiKeys\":[{\"key\":\"" + Activations.KEY + "\",\"entities\":[\"demo\"]}],"
        + "\"limits\":{\"rateMode\":\"OFF\",\"importProcessingDelayMillis\":10},"
        + "\"customTables\":[{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-0000000075a1\",\"name\":\"events\","
        + "\"primaryKeyAttribute\":\"eventId\",\"attributes\":["
        + "{\"name\":\"eventId\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true},"
        + "{\"name\":\"at\",\"valueType\":\"TIMESTAMP\"}],\"records\":[]}]}";
  }
}
