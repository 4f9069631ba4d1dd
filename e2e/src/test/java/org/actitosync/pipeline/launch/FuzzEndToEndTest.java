package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.actitosync.pipeline.source.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random rows with extreme values ({@link FuzzRows}) from PostgreSQL through the real writer
 * into the emulator: every row is either synced faithfully (Actito holds exactly the canonical value
 * of the source, TIMESTAMPs truncated to the second) or rejected with a reason in the dead letters
 * (the keys {@code .} and {@code ..} by the classifier, rule UNADDRESSABLE_KEY, before any call);
 * the run never crashes. A second run
 * of the same source sends only the rows Actito rejected; a third, by record calls, updates and
 * deletes keys that need URL encoding.
 */
class FuzzEndToEndTest {
  static final long SEED = Long.getLong("fuzz.seed", 7_2026L);
  static final int ROWS = 150;

  @TempDir Path dir;
  int deleted;

  @Test
  void everyRowIsSyncedFaithfullyOrRejectedWithAReason() throws Exception {
    String seed = "seed " + SEED + " (-Dfuzz.seed=" + SEED + ")";
    FuzzRows fuzz = new FuzzRows(SEED);
    try (Activations a = new Activations(dir, "fuzz", data(), FuzzRows.COLUMNS)) {
      List<FuzzRows.Row> source = fuzz.rows(ROWS);
      insert(a, source);
      Path config = config(a);

      Activations.Result first = a.launchOn(Activations.FLINK, "--config=" + config, "--runId=fuzz-1", "--write.strategy=BULK");
      assertTrue(first.code() == 0 || first.code() == ExitCode.REJECTED_ROWS.code(), seed + first.out() + first.err());
      check(a, source, "fuzz-1", seed);
      JsonNode report1 = ActivationEndToEndTest.report(a, first);
      long refused = report1.path("outcomeTotals").path("REJECTED").asLong()
          + report1.path("outcomeTotals").path("FAILED").asLong();

      Activations.Result second = a.launchOn(Activations.FLINK, "--config=" + config, "--runId=fuzz-2");
      assertTrue(second.code() == 0 || second.code() == ExitCode.REJECTED_ROWS.code(), seed + second.out() + second.err());
      JsonNode report2 = ActivationEndToEndTest.report(a, second);
      assertEquals(refused, report2.path("classified").path("INSERT").asLong(), seed + ": only Actito's refusals again");
      assertEquals(0, report2.path("classified").path("UPDATE").asLong(), seed);
      assertEquals(0, report2.path("classified").path("DELETE").asLong(), seed);
      check(a, source, "fuzz-2", seed);

      // record calls: new values for some synced rows, and deletes of synced keys (in URL paths)
      List<FuzzRows.Row> third = mutate(a, source, fuzz, new Random(SEED));
      Activations.Result run3 = a.launchOn(Activations.FLINK, "--config=" + config, "--runId=fuzz-3",
          "--write.strategy=RECORDS", "--confirmDeletes=" + deleted); // more than the guard's 10 %
      assertTrue(run3.code() == 0 || run3.code() == ExitCode.REJECTED_ROWS.code(), seed + run3.out() + run3.err());
      check(a, third, "fuzz-3", seed);
    }
  }

  /** Deletes a few synced rows (keys with characters to encode first) and gives others new values. */
  List<FuzzRows.Row> mutate(Activations a, List<FuzzRows.Row> source, FuzzRows fuzz, Random random) throws Exception {
    Map<String, Map<String, Object>> synced = destination(a);
    List<FuzzRows.Row> next = new ArrayList<>();
    int updated = 0;
    for (FuzzRows.Row row : source) {
      String key = FuzzRows.key(row);
      boolean special = key != null && !key.matches("[A-Za-z0-9 -]*");
      if (synced.containsKey(key) && special && deleted < 12) {
        deleted++;
        continue;
      }
      if (synced.containsKey(key) && updated < 8 && random.nextInt(4) == 0) {
        updated++;
        next.add(fuzz.row(row.k()));
        continue;
      }
      next.add(row);
    }
    assertTrue(deleted > 0, "no synced key with characters to encode");
    a.sql("DELETE FROM " + a.table);
    insert(a, next);
    return next;
  }

  /**
   * The oracle: every key in Actito comes from exactly one source row and holds its canonical
   * values; every other source key has a dead letter of this run with a reason.
   */
  static void check(Activations a, List<FuzzRows.Row> source, String runId, String seed) throws Exception {
    Map<String, List<FuzzRows.Row>> byKey = new TreeMap<>();
    for (FuzzRows.Row row : source) {
      byKey.computeIfAbsent(String.valueOf(FuzzRows.key(row)), k -> new ArrayList<>()).add(row);
    }
    Path rejected = a.dir.resolve("snapshots/fuzz/runs/" + runId + "/rejected");
    Map<String, String> reasons = new HashMap<>();
    Map<String, String> rules = new HashMap<>();
    if (Files.isDirectory(rejected)) {
      for (JsonNode line : ActivationEndToEndTest.lines(rejected, "part")) {
        reasons.put(line.path("key").asText(), line.path("reason").asText() + " " + line.path("actitoMessage").asText());
        rules.put(line.path("key").asText(), line.path("rule").asText());
      }
    }
    Map<String, Map<String, Object>> destination = destination(a);
    for (String key : FuzzRows.UNADDRESSABLE) {
      assertFalse(destination.containsKey(key), seed + ": key " + key + " reached Actito");
      if (byKey.containsKey(key) && byKey.get(key).size() == 1) {
        assertEquals("UNADDRESSABLE_KEY", rules.get(key), seed + ": key " + key + " in run " + runId);
        assertTrue(reasons.get(key).contains("'" + key + "' cannot be addressed in a URL path segment"), reasons.get(key));
      }
    }
    for (Map.Entry<String, Map<String, Object>> record : destination.entrySet()) {
      List<FuzzRows.Row> rows = byKey.get(record.getKey());
      assertTrue(rows != null && rows.size() == 1, seed + ": Actito holds key " + show(record.getKey())
          + " which is not exactly one source row: " + rows);
      Map<String, Object> expected = FuzzRows.expected(rows.get(0));
      if (reasons.containsKey(record.getKey())) {
        continue; // Actito refused this run's change: it keeps the value a previous run synced
      }
      assertFalse(expected.containsValue(FuzzRows.INVALID), seed + ": synced a value that cannot be faithful: "
          + rows.get(0) + " -> " + record.getValue());
      assertEquals(expected, record.getValue(), seed + ": Actito's record differs from the source row " + rows.get(0));
    }
    for (String key : byKey.keySet()) {
      if (!destination.containsKey(key)) {
        String reason = reasons.get("null".equals(key) ? "" : key);
        assertTrue(reason != null && !reason.isBlank(), seed + ": key " + show(key) + " neither synced nor rejected "
            + "with a reason in run " + runId + "; rows " + byKey.get(key));
      }
    }
    System.out.printf("fuzz %s: %d source keys, %d in Actito, %d dead letters%n", runId, byKey.size(),
        destination.size(), reasons.size());
  }

  static Map<String, Map<String, Object>> destination(Activations a) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> record : a.emulator.admin().records("demo", "fuzz")) {
      Map<String, Object> values = new TreeMap<>();
      record.forEach((name, value) -> values.put(name, FuzzRows.stored(value)));
      out.put((String) record.get("k"), values);
    }
    return out;
  }

  static void insert(Activations a, List<FuzzRows.Row> rows) throws Exception {
    try (Connection connection = Postgres.server().getPostgresDatabase().getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + a.table
            + " VALUES (?, ?, ?::bigint, ?::numeric, ?::float8, ?::boolean, ?::timestamptz)")) {
      for (FuzzRows.Row row : rows) {
        List<String> values = row.values();
        for (int i = 0; i < values.size(); i++) {
          insert.setString(i + 1, values.get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static Path config(Activations a) throws Exception {
    StringBuilder yaml = new StringBuilder()
        .append("name: fuzz\nsource:\n  jdbc:\n    url: ").append(Postgres.url()).append('\n')
        .append("    query: SELECT * FROM ").append(a.table).append('\n')
        .append("key: k\nmapping:\n");
    for (String column : new String[] {"k", "s", "l", "n", "x", "b", "t"}) {
      yaml.append("  - {column: ").append(column).append(", attribute: ").append(column).append("}\n");
    }
    yaml.append("mode: MIRROR\ntarget:\n  baseUrl: ").append(a.emulator.baseUrl()).append('\n')
        .append("  entity: demo\n  table: fuzz\n  apiKeyFile: ").append(a.dir.resolve("api.key")).append('\n')
        .append("snapshot:\n  root: ").append(a.dir.resolve("snapshots")).append('\n');
    Path file = a.dir.resolve("fuzz.yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  static String data() {
    return "{\"entities\":[{\"id\":1,\"name\":\"demo\"}],"
        + "\"apiKeys\":[{\"key\":\"" + Activations.KEY + "\",\"entities\":[\"demo\"]}],"
        + "\"limits\":{\"rateMode\":\"OFF\",\"importProcessingDelayMillis\":10},"
        + "\"customTables\":[{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-00000000f022\",\"name\":\"fuzz\","
        + "\"primaryKeyAttribute\":\"k\",\"attributes\":["
        + "{\"name\":\"k\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true,"
        + "\"valueRestriction\":{\"maxLength\":" + FuzzRows.KEY_MAX + "}},"
        + "{\"name\":\"s\",\"valueType\":\"STRING\",\"valueRestriction\":{\"maxLength\":" + FuzzRows.TEXT_MAX + "}},"
        + "{\"name\":\"l\",\"valueType\":\"LONG\"},{\"name\":\"n\",\"valueType\":\"NUMBER\"},"
        + "{\"name\":\"x\",\"valueType\":\"NUMBER\"},{\"name\":\"b\",\"valueType\":\"BOOLEAN\"},"
        + "{\"name\":\"t\",\"valueType\":\"TIMESTAMP\"}],\"records\":[]}]}";
  }

  /** A key with its invisible characters made visible, for messages. */
  static String show(String key) {
    StringBuilder sb = new StringBuilder("\"");
    key.codePoints().forEach(c -> sb.append(c < 0x20 || c == 0x200B || c == 0xFEFF || c == 0x85
        ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
    return sb.append('"').toString();
  }
}
