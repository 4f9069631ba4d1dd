package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigParser;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.SecretRef;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC source against a real PostgreSQL: every SQL type we map, nulls, schema inference. */
class JdbcSourceTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @TempDir static Path dir;

  static final String QUERY =
      "SELECT id, name, qty, big, price, active, born, seen, seen_tz, tags FROM customers";

  @BeforeAll
  static void createTable() throws Exception {
    Postgres.execute(
        "DROP TABLE IF EXISTS customers",
        "CREATE TABLE customers (id text, name text, qty integer, big bigint, price numeric(12,2),"
            + " active boolean, born date, seen timestamp, seen_tz timestamptz, tags text[])",
        "INSERT INTO customers VALUES"
            + " ('c1', 'Zoë', 3, 9007199254740993, 10.50, true, '1990-02-28',"
            + "  '2024-05-01 08:00:00.123', '2024-05-01 10:00:00+02', '{a,b}'),"
            + " ('c2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " ('c3', 'x', 0, -1, 0.00, false, '2000-01-01', '1999-12-31 23:59:59',"
            + "  '2024-01-01 00:00:00-05', '{}'),"
            + " (NULL, 'no key', 1, 1, 1, true, NULL, NULL, NULL, NULL)");
  }

  static JdbcSourceConfig config(String query) throws Exception {
    Path password = dir.resolve("pw");
    Files.writeString(password, "unused-with-trust-auth");
    return JdbcSourceConfig.create(
        Postgres.url(),
        JdbcSourceConfig.POSTGRESQL_DRIVER,
        Optional.of("postgres"),
        Optional.of(SecretRef.fromFile(password.toString())),
        query,
        2,
        1);
  }

  static RowMapping mapping() {
    Map<String, AttributeType> types = new TreeMap<>();
    types.put("id", AttributeType.STRING);
    types.put("name", AttributeType.STRING);
    types.put("qty", AttributeType.LONG);
    types.put("big", AttributeType.LONG);
    types.put("price", AttributeType.NUMBER);
    types.put("active", AttributeType.BOOLEAN);
    types.put("born", AttributeType.DATE);
    types.put("seen", AttributeType.TIMESTAMP);
    types.put("seenTz", AttributeType.TIMESTAMP);
    types.put("tags", AttributeType.STRING);
    Map<String, String> columns = new LinkedHashMap<>();
    for (String attribute : types.keySet()) {
      columns.put(attribute, attribute.equals("seenTz") ? "seen_tz" : attribute);
    }
    return RowMapping.of(AttributeLayout.of(types), columns, "id");
  }

  static MappedRecord record(String key, String... pairs) {
    Map<String, String> values = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return MappedRecord.of(key, values);
  }

  @Test
  void readsEveryTypeAndNullsIntoCanonicalRecords() throws Exception {
    PCollection<MappedRecord> records =
        beam.pipeline()
            .apply("ReadSource", SourceRead.of(SourceConfig.of(config(QUERY)), mapping()));

    PAssert.that(records)
        .containsInAnyOrder(
            record(
                "c1",
                "id", "c1",
                "name", "Zoë",
                "qty", "3",
                "big", "9007199254740993",
                "price", "10.5",
                "active", "true",
                "born", "1990-02-28",
                "seen", "2024-05-01T08:00:00Z", // milliseconds truncated in the canonical value
                "seenTz", "2024-05-01T08:00:00Z",
                "tags", "{a,b}"),
            record("c2", "id", "c2"),
            record(
                "c3",
                "id", "c3",
                "name", "x",
                "qty", "0",
                "big", "-1",
                "price", "0",
                "active", "false",
                "born", "2000-01-01",
                "seen", "1999-12-31T23:59:59Z",
                "seenTz", "2024-01-01T05:00:00Z",
                "tags", "{}"),
            record(null, "name", "no key", "qty", "1", "big", "1", "price", "1", "active", "true"));
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void infersAttributeTypesFromTheResultSetMetadata() throws Exception {
    assertEquals(
        List.of("id", "name", "qty", "big", "price", "active", "born", "seen", "seen_tz"),
        List.copyOf(SourceSchemas.jdbc(config(QUERY)).keySet()),
        "tags (an array) has no attribute type");
    Map<String, AttributeType> expected = new LinkedHashMap<>();
    expected.put("id", AttributeType.STRING);
    expected.put("name", AttributeType.STRING);
    expected.put("qty", AttributeType.LONG);
    expected.put("big", AttributeType.LONG);
    expected.put("price", AttributeType.NUMBER);
    expected.put("active", AttributeType.BOOLEAN);
    expected.put("born", AttributeType.DATE);
    expected.put("seen", AttributeType.TIMESTAMP);
    expected.put("seen_tz", AttributeType.TIMESTAMP);
    assertEquals(expected, SourceSchemas.jdbc(config(QUERY)));
    assertEquals(
        Map.of("ratio", AttributeType.NUMBER, "whole", AttributeType.LONG, "n", AttributeType.NUMBER),
        SourceSchemas.jdbc(config("SELECT 1.5::float8 AS ratio, 7::numeric(10,0) AS whole, 1::numeric AS n")));
  }

  @Test
  void inferredTypesResolveTheLayoutAndMissingColumnsAreReported() throws Exception {
    ActivationConfig activation =
        ConfigParser.parseYaml(
            "name: customers\n"
                + "source: {jdbc: {url: '" + Postgres.url() + "', user: postgres, query: '" + QUERY + "'}}\n"
                + "key: id\n"
                + "mapping:\n"
                + "  - {column: id, attribute: customerId}\n"
                + "  - {column: seen_tz, attribute: lastSeen}\n"
                + "  - {column: price, attribute: price, type: STRING}\n"
                + "  - {column: email, attribute: email, type: STRING}\n"
                + "mode: UPSERT\n"
                + "target: {environment: PREPROD, entity: e, table: Customers, apiKeyEnv: K}\n"
                + "snapshot: {root: /tmp/s}\n");
    Map<String, AttributeType> inferred = SourceSchemas.infer(activation.source());
    AttributeLayout layout = activation.attributeLayout(inferred);
    assertEquals(
        Map.of(
            "customerId", AttributeType.STRING,
            "lastSeen", AttributeType.TIMESTAMP,
            "price", AttributeType.STRING,
            "email", AttributeType.STRING),
        layout.types());
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SourceSchemas.checkColumns(activation, inferred.keySet()));
    assertEquals(
        List.of(
            ConfigProblem.of(
                "mapping[3].column",
                "column 'email' is not in the source; its columns: " + inferred.keySet())),
        e.problems());
    SourceSchemas.checkColumns(activation, Set.of("ID", "seen_tz", "price", "email"));
  }

  @Test
  void numericNanAndInfinitiesAreReadAsTextForTheMappingToRejectNotAsAFailedRead() throws Exception {
    try (java.sql.Connection c = Postgres.server().getPostgresDatabase().getConnection();
        java.sql.ResultSet rs = c.createStatement().executeQuery(
            "SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, 1.50::numeric")) {
      rs.next();
      assertEquals("NaN", JdbcSource.value(rs, rs.getMetaData(), 1));
      assertEquals("Infinity", JdbcSource.value(rs, rs.getMetaData(), 2));
      assertEquals("-Infinity", JdbcSource.value(rs, rs.getMetaData(), 3));
      assertEquals(new java.math.BigDecimal("1.50"), JdbcSource.value(rs, rs.getMetaData(), 4));
      assertThrows(org.actitosync.record.InvalidValueException.class,
          () -> org.actitosync.record.CanonicalValues.canonicalize(AttributeType.NUMBER, "NaN"));
    }
  }
}
