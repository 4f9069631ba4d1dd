package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The partitioned JDBC read against a real PostgreSQL, at 1 (the single query), 3 and 7
 * partitions, all in one DirectRunner pipeline: every row arrives exactly once (PAssert's
 * containsInAnyOrder fails on a missing or a repeated row), rows with a NULL key included, negative
 * keys, keys at both ends of bigint, an empty segment; a key column whose name needs quoting and a
 * query ending in a line comment and a {@code ;}.
 */
class PartitionedJdbcReadTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  static final String KEY = "Row Id"; // needs quoting: a space and capitals
  static final String DENSE = "SELECT \"Row Id\", n FROM partitioned_dense -- the segment\n ;  ";
  static final String EXTREMES = "SELECT \"Row Id\", n FROM partitioned_extremes";
  static final String EMPTY = "SELECT \"Row Id\", n FROM partitioned_dense WHERE n = 'none'";
  static final Long[] EXTREME_KEYS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE - 1,
      Long.MAX_VALUE, null};

  @BeforeAll
  static void createSegments() throws Exception {
    Postgres.execute(
        "DROP TABLE IF EXISTS partitioned_dense",
        "CREATE TABLE partitioned_dense (\"Row Id\" integer, n text)",
        // -200..99 with every seventh key missing (gaps), plus three rows without a key
        "INSERT INTO partitioned_dense SELECT g, 'row ' || g FROM generate_series(-200, 99) g WHERE g % 7 <> 0",
        "INSERT INTO partitioned_dense VALUES (NULL, 'no key a'), (NULL, 'no key b'), (NULL, 'no key c')",
        "DROP TABLE IF EXISTS partitioned_extremes",
        "CREATE TABLE partitioned_extremes (\"Row Id\" bigint, n text)");
    StringBuilder insert = new StringBuilder("INSERT INTO partitioned_extremes VALUES ");
    for (int i = 0; i < EXTREME_KEYS.length; i++) {
      insert.append(i == 0 ? "" : ", ").append("(").append(EXTREME_KEYS[i]).append(", 'row ")
          .append(EXTREME_KEYS[i]).append("')");
    }
    Postgres.execute(insert.toString());
  }

  static JdbcSourceConfig config(String query, int partitions) {
    return JdbcSourceConfig.create(Postgres.url(), JdbcSourceConfig.POSTGRESQL_DRIVER, Optional.of("postgres"),
        Optional.empty(), query, 16, partitions);
  }

  static RowMapping mapping() {
    return RowMapping.of(
        AttributeLayout.of(Map.of("rowId", AttributeType.LONG, "n", AttributeType.STRING)),
        Map.of("rowId", KEY, "n", "n"),
        "rowId");
  }

  static MappedRecord record(Long key, String n) {
    Map<String, String> values = new TreeMap<>();
    values.put("n", n);
    if (key != null) {
      values.put("rowId", String.valueOf(key));
    }
    return MappedRecord.of(key == null ? null : String.valueOf(key), values);
  }

  static List<MappedRecord> dense() {
    List<MappedRecord> rows = new ArrayList<>();
    for (long g = -200; g <= 99; g++) {
      if (g % 7 != 0) {
        rows.add(record(g, "row " + g));
      }
    }
    rows.add(record(null, "no key a"));
    rows.add(record(null, "no key b"));
    rows.add(record(null, "no key c"));
    return rows;
  }

  static List<MappedRecord> extremes() {
    List<MappedRecord> rows = new ArrayList<>();
    for (Long key : EXTREME_KEYS) {
      rows.add(record(key, "row " + key));
    }
    return rows;
  }

  @Test
  void everyRowExactlyOnceAtOneThreeAndSevenPartitions() {
    assertEquals(257 + 3, dense().size(), "the fixture: 300 keys less 43 multiples of 7, three NULL keys");
    for (int partitions : new int[] {1, 3, 7}) {
      PCollection<MappedRecord> dense = read("Dense" + partitions, DENSE, partitions);
      PAssert.that("dense, " + partitions + " partitions", dense).containsInAnyOrder(dense());
      PCollection<MappedRecord> extremes = read("Extremes" + partitions, EXTREMES, partitions);
      PAssert.that("extremes, " + partitions + " partitions", extremes).containsInAnyOrder(extremes());
      PCollection<MappedRecord> empty = read("Empty" + partitions, EMPTY, partitions);
      PAssert.that("empty, " + partitions + " partitions", empty).empty();
    }
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void onePartitionIsTheSingleQueryMoreArePartitioned() {
    assertInstanceOf(JdbcIO.Read.class, SourceRead.of(SourceConfig.of(config(DENSE, 1)), mapping()));
    assertInstanceOf(PartitionedJdbcRead.class, SourceRead.of(SourceConfig.of(config(DENSE, 2)), mapping()));
  }

  @Test
  void theQueriesWrapTheSegmentQueryAndQuoteTheKey() {
    String key = PartitionedJdbcRead.quote("a \"b\"");
    assertEquals("\"a \"\"b\"\"\"", key);
    assertEquals("SELECT MIN(\"k\"), MAX(\"k\") FROM (\nSELECT k FROM t\n) AS actito_sync_segment",
        PartitionedJdbcRead.boundsQuery("SELECT k FROM t ;\n\t; ", "\"k\""));
    assertEquals("SELECT * FROM (\nSELECT k FROM t -- c\n) AS actito_sync_segment\n"
            + "WHERE (\"k\" >= ? AND \"k\" <= ?) OR (\"k\" IS NULL AND ? = 1)",
        PartitionedJdbcRead.rangeQuery("SELECT k FROM t -- c\n;", "\"k\""));
  }

  private PCollection<MappedRecord> read(String name, String query, int partitions) {
    return beam.pipeline().apply(name, SourceRead.of(SourceConfig.of(config(query, partitions)), mapping()));
  }
}
