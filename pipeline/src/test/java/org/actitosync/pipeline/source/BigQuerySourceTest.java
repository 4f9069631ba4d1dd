package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.actitosync.pipeline.config.BigQuerySourceConfig;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The BigQuery source on Beam's fake BigQuery services (export of a table), and its value rules. */
class BigQuerySourceTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @TempDir Path dir;

  static final TableSchema SCHEMA =
      new TableSchema()
          .setFields(
              List.of(
                  new TableFieldSchema().setName("ID").setType("STRING"),
                  new TableFieldSchema().setName("n").setType("INTEGER"),
                  new TableFieldSchema().setName("amount").setType("NUMERIC"),
                  new TableFieldSchema().setName("ratio").setType("FLOAT"),
                  new TableFieldSchema().setName("active").setType("BOOLEAN"),
                  new TableFieldSchema().setName("born").setType("DATE"),
                  new TableFieldSchema().setName("seen").setType("TIMESTAMP"),
                  new TableFieldSchema().setName("local").setType("DATETIME")));

  static RowMapping mapping() {
    Map<String, AttributeType> types = new TreeMap<>();
    types.put("id", AttributeType.STRING);
    types.put("n", AttributeType.LONG);
    types.put("amount", AttributeType.NUMBER);
    types.put("ratio", AttributeType.NUMBER);
    types.put("active", AttributeType.BOOLEAN);
    types.put("born", AttributeType.DATE);
    types.put("seen", AttributeType.TIMESTAMP);
    types.put("local", AttributeType.TIMESTAMP);
    Map<String, String> columns = new LinkedHashMap<>();
    types.keySet().forEach(a -> columns.put(a, a));
    return RowMapping.of(AttributeLayout.of(types), columns, "id");
  }

  @Test
  void readsATableThroughTheFakeServices() throws Exception {
    FakeDatasetService.setUp();
    FakeDatasetService datasets = new FakeDatasetService();
    FakeJobService jobs = new FakeJobService();
    FakeBigQueryServices services =
        new FakeBigQueryServices().withDatasetService(datasets).withJobService(jobs);
    TableReference table =
        new TableReference().setProjectId("acme-dwh").setDatasetId("segments").setTableId("orders");
    datasets.createDataset("acme-dwh", "segments", "", "", null);
    datasets.createTable(new Table().setTableReference(table).setSchema(SCHEMA));
    // The fake export writes row values as they are into Avro records of the table's Avro schema,
    // so rows are given in their exported (Avro) form, as BigQuery's own export writes them.
    Schema avro = BigQueryUtils.toGenericAvroSchema("root", SCHEMA.getFields());
    TableRow full = new TableRow();
    full.set("ID", "b1");
    full.set("n", exported(avro, "n", 5L));
    full.set("amount", exported(avro, "amount", new BigDecimal("10.50")));
    full.set("ratio", 0.25);
    full.set("active", true);
    full.set("born", exported(avro, "born", LocalDate.parse("2024-02-29")));
    full.set("seen", exported(avro, "seen", Instant.parse("2024-05-01T08:00:00.123456Z")));
    full.set("local", exported(avro, "local", LocalDateTime.parse("2024-05-01T08:00:00")));
    TableRow nulls = new TableRow().set("ID", "b2");
    for (String field : List.of("n", "amount", "ratio", "active", "born", "seen", "local")) {
      nulls.set(field, null);
    }
    datasets.insertAll(table, List.of(full, nulls), null);
    BigQueryOptions options = beam.pipeline().getOptions().as(BigQueryOptions.class);
    options.setProject("acme-dwh");
    options.setTempLocation(dir.toString());

    BigQuerySourceConfig config =
        BigQuerySourceConfig.create(
            Optional.empty(), Optional.of("segments.orders"), Optional.of("acme-dwh"), Optional.empty());
    PCollection<MappedRecord> records =
        beam.pipeline()
            .apply(
                "ReadSource",
                BigQuerySource.read(config, mapping()).withTestServices(services).withoutValidation());

    Map<String, String> expected = new TreeMap<>();
    expected.put("id", "b1");
    expected.put("n", "5");
    expected.put("amount", "10.5");
    expected.put("ratio", "0.25");
    expected.put("active", "true");
    expected.put("born", "2024-02-29");
    expected.put("seen", "2024-05-01T08:00:00Z"); // microseconds truncated in the canonical value
    expected.put("local", "2024-05-01T08:00:00Z");
    PAssert.that(records)
        .containsInAnyOrder(MappedRecord.of("b1", expected), MappedRecord.of("b2", Map.of("id", "b2")));
    beam.pipeline().run().waitUntilFinish();
  }

  /** {@code value} in the physical Avro form of field {@code name} of {@code schema}. */
  static Object exported(Schema schema, String name, Object value) {
    Schema field = schema.getField(name).schema();
    if (field.getType() == Schema.Type.UNION) {
      field = field.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().get();
    }
    LogicalType logical = field.getLogicalType();
    String type = logical != null ? logical.getName() : field.getType().getName();
    switch (type) {
      case "decimal":
        return ByteBuffer.wrap(
            ((BigDecimal) value)
                .setScale(((LogicalTypes.Decimal) logical).getScale())
                .unscaledValue()
                .toByteArray());
      case "date":
        return (int) ((LocalDate) value).toEpochDay();
      case "timestamp-micros":
        Instant instant = (Instant) value;
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
      case "string":
        return value.toString();
      default:
        return value;
    }
  }

  @Test
  void valuesKeepTheirBigQueryType() {
    TableFieldSchema timestamp = new TableFieldSchema().setName("t").setType("TIMESTAMP");
    assertEquals(
        Instant.parse("2024-05-01T08:00:00.123456Z"),
        BigQuerySource.value(timestamp, "2024-05-01 08:00:00.123456 UTC"));
    assertEquals(Instant.parse("2024-05-01T08:00:00.123456Z"), BigQuerySource.value(timestamp, 1714550400123456L));
    assertEquals(
        5L, BigQuerySource.value(new TableFieldSchema().setName("n").setType("INT64"), "5"));
    assertEquals(
        new BigDecimal("1.50"),
        BigQuerySource.value(new TableFieldSchema().setName("n").setType("BIGNUMERIC"), "1.50"));
    assertEquals(
        LocalDate.parse("2024-02-29"),
        BigQuerySource.value(new TableFieldSchema().setName("d").setType("DATE"), "2024-02-29"));
    assertEquals(
        LocalDateTime.parse("2024-05-01T08:00:00.5"),
        BigQuerySource.value(
            new TableFieldSchema().setName("d").setType("DATETIME"), "2024-05-01 08:00:00.5"));
    assertEquals(
        "[1, 2]",
        BigQuerySource.value(
            new TableFieldSchema().setName("r").setType("INTEGER").setMode("REPEATED"), List.of(1, 2)));
  }

  @Test
  void typesInferredFromATableSchema() {
    Map<String, AttributeType> expected = new LinkedHashMap<>();
    expected.put("ID", AttributeType.STRING);
    expected.put("n", AttributeType.LONG);
    expected.put("amount", AttributeType.NUMBER);
    expected.put("ratio", AttributeType.NUMBER);
    expected.put("active", AttributeType.BOOLEAN);
    expected.put("born", AttributeType.DATE);
    expected.put("seen", AttributeType.TIMESTAMP);
    expected.put("local", AttributeType.TIMESTAMP);
    assertEquals(expected, SourceSchemas.bigQuery(SCHEMA));
  }

  @Test
  void aQueryOrATableIsRead() {
    assertEquals(
        Optional.of("acme-dwh:segments.orders"),
        BigQuerySourceConfig.create(
                Optional.empty(), Optional.of("segments.orders"), Optional.of("acme-dwh"), Optional.empty())
            .qualifiedTable());
    assertEquals(
        Optional.of("other.segments.orders"),
        BigQuerySourceConfig.create(
                Optional.empty(), Optional.of("other.segments.orders"), Optional.of("acme-dwh"), Optional.empty())
            .qualifiedTable());
    // A query read builds (expansion happens on apply; not run here: the fakes serve tables).
    SourceRead.of(
        SourceConfig.of(
            BigQuerySourceConfig.create(
                Optional.of("SELECT 1 AS id"), Optional.empty(), Optional.empty(), Optional.of("EU"))),
        mapping());
  }
}
