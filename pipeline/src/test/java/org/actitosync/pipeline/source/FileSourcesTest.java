package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.pipeline.config.FileFormat;
import org.actitosync.pipeline.config.FilesSourceConfig;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each file format read from local files (two files per glob), mapped to canonical records. */
class FileSourcesTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @TempDir Path dir;

  static final RowMapping MAPPING = mapping();

  static RowMapping mapping() {
    Map<String, AttributeType> types = new TreeMap<>();
    types.put("id", AttributeType.STRING);
    types.put("n", AttributeType.LONG);
    types.put("amount", AttributeType.NUMBER);
    types.put("active", AttributeType.BOOLEAN);
    types.put("born", AttributeType.DATE);
    types.put("seen", AttributeType.TIMESTAMP);
    types.put("note", AttributeType.STRING);
    Map<String, String> columns = new LinkedHashMap<>();
    types.keySet().forEach(a -> columns.put(a, a));
    return RowMapping.of(AttributeLayout.of(types), columns, "id");
  }

  static MappedRecord record(String key, String... pairs) {
    Map<String, String> values = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return MappedRecord.of(key, values);
  }

  static final MappedRecord FULL =
      record(
          "a1",
          "id", "a1",
          "n", "5",
          "amount", "10.5",
          "active", "true",
          "born", "2024-02-29",
          "seen", "2024-05-01T08:00:00Z", // microseconds truncated in the canonical value
          "note", "two\nlines, \"quoted\"");
  static final MappedRecord NULLS = record("a2", "id", "a2");

  PCollection<MappedRecord> read(FileFormat format, String glob) {
    return beam.pipeline()
        .apply(
            "ReadSource",
            SourceRead.of(SourceConfig.of(FilesSourceConfig.create(glob, format)), MAPPING));
  }

  @Test
  void csvWithHeaderQuotingAndEmptyFieldsAsNull() throws Exception {
    Files.writeString(
        dir.resolve("part-1.csv"),
        "seen,id,n,amount,active,born,note,unmapped\n"
            + "2024-05-01T10:00:00.123456+02:00,a1,5,10.50,yes,2024-02-29,\"two\nlines, \"\"quoted\"\"\",x\n"
            + ",a2,,,,,,\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("part-2.csv"),
        "id,n,amount,active,born,seen,note\n"
            + "a3,5.5,abc,maybe,2024-02-30,never,\n"
            + ",1,1,true,2024-01-01,2024-01-01T00:00:00Z,no key\n",
        StandardCharsets.UTF_8);

    PAssert.that(read(FileFormat.CSV, dir.resolve("*.csv").toString()))
        .containsInAnyOrder(
            FULL,
            NULLS,
            MappedRecord.create(
                "a3",
                Map.of("id", "a3"),
                Map.of(
                    "n", "'5.5' is not a whole number",
                    "amount", "'abc' is not a number value",
                    "active", "'maybe' is not a boolean",
                    "born", "'2024-02-30' is not a date (yyyy-MM-dd)",
                    "seen", "'never' is not a timestamp (ISO-8601 or yyyy-MM-dd HH:mm:ss)")),
            record(
                null,
                "n", "1",
                "amount", "1",
                "active", "true",
                "born", "2024-01-01",
                "seen", "2024-01-01T00:00:00Z",
                "note", "no key"));
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void aCsvFileWithoutAMappedColumnFailsTheReadNamingIt() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "id,n\na1,1\n", StandardCharsets.UTF_8);
    read(FileFormat.CSV, dir.resolve("*.csv").toString());
    Pipeline.PipelineExecutionException e =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> beam.pipeline().run());
    assertTrue(
        e.getMessage().contains("mapped column 'active' is not in the header of"), e.getMessage());
  }

  @Test
  void jsonLines() throws Exception {
    Files.writeString(
        dir.resolve("a.jsonl"),
        "{\"id\": \"a1\", \"n\": 5, \"amount\": 10.50, \"active\": true, \"born\": \"2024-02-29\","
            + " \"seen\": \"2024-05-01T10:00:00.123456+02:00\", \"note\": \"two\\nlines, \\\"quoted\\\"\"}\n"
            + "\n"
            + "{\"id\": \"a2\", \"n\": null}\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\": 7, \"n\": 12345678901234567890, \"amount\": 1e-3, \"note\": {\"nested\": [1, 2]}}\n",
        StandardCharsets.UTF_8);

    PAssert.that(read(FileFormat.JSONL, dir.resolve("*.jsonl").toString()))
        .containsInAnyOrder(
            FULL,
            NULLS,
            MappedRecord.create(
                "7",
                Map.of("id", "7", "amount", "0.001", "note", "{\"nested\":[1,2]}"),
                Map.of("n", "'12345678901234567890' is outside the 64-bit integer range")));
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void aLineThatIsNotAJsonObjectFailsTheRead() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"a1\"}\n[1, 2]\n", StandardCharsets.UTF_8);
    read(FileFormat.JSONL, dir.resolve("*.jsonl").toString());
    Pipeline.PipelineExecutionException e =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> beam.pipeline().run());
    assertTrue(e.getMessage().contains("a JSON line must be an object: [1, 2]"), e.getMessage());
  }

  static final Schema DECIMAL = LogicalTypes.decimal(9, 2).addToSchema(Schema.create(Schema.Type.BYTES));
  static final Schema DATE = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  static final Schema MICROS = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));

  static final Schema SCHEMA =
      SchemaBuilder.record("Row")
          .fields()
          .requiredString("id")
          .optionalInt("n")
          .name("amount").type().unionOf().nullType().and().type(DECIMAL).endUnion().nullDefault()
          .optionalBoolean("active")
          .name("born").type().unionOf().nullType().and().type(DATE).endUnion().nullDefault()
          .name("seen").type().unionOf().nullType().and().type(MICROS).endUnion().nullDefault()
          .optionalString("note")
          .endRecord();

  static List<GenericRecord> avroRecords() {
    GenericRecord full = new GenericData.Record(SCHEMA);
    full.put("id", "a1");
    full.put("n", 5);
    full.put("amount", ByteBuffer.wrap(new BigDecimal("10.50").unscaledValue().toByteArray()));
    full.put("active", true);
    full.put("born", (int) java.time.LocalDate.parse("2024-02-29").toEpochDay());
    full.put("seen", 1714550400123456L);
    full.put("note", "two\nlines, \"quoted\"");
    GenericRecord nulls = new GenericData.Record(SCHEMA);
    nulls.put("id", "a2");
    return List.of(full, nulls);
  }

  @Test
  void avroWithLogicalTypesAndNullableUnions() throws Exception {
    List<GenericRecord> records = avroRecords();
    for (int i = 0; i < records.size(); i++) {
      try (DataFileWriter<GenericRecord> writer =
          new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SCHEMA))) {
        writer.create(SCHEMA, new File(dir.toFile(), "part-" + i + ".avro"));
        writer.append(records.get(i));
      }
    }
    Map<String, AttributeType> inferred = new LinkedHashMap<>();
    inferred.put("id", AttributeType.STRING);
    inferred.put("n", AttributeType.LONG);
    inferred.put("amount", AttributeType.NUMBER);
    inferred.put("active", AttributeType.BOOLEAN);
    inferred.put("born", AttributeType.DATE);
    inferred.put("seen", AttributeType.TIMESTAMP);
    inferred.put("note", AttributeType.STRING);
    org.junit.jupiter.api.Assertions.assertEquals(
        inferred,
        SourceSchemas.infer(
            SourceConfig.of(FilesSourceConfig.create(dir.resolve("*.avro").toString(), FileFormat.AVRO))));

    PAssert.that(read(FileFormat.AVRO, dir.resolve("*.avro").toString()))
        .containsInAnyOrder(FULL, NULLS);
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void parquet() throws Exception {
    List<GenericRecord> records = avroRecords();
    for (int i = 0; i < records.size(); i++) {
      // Beam's Parquet sink (parquet-avro's writer) used directly, outside a pipeline.
      ParquetIO.Sink sink = ParquetIO.sink(SCHEMA);
      try (WritableByteChannel file = Files.newByteChannel(dir.resolve("part-" + i + ".parquet"),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        sink.open(file);
        sink.write(records.get(i));
        sink.flush(); // closes the Parquet writer: footer written
      }
    }
    PAssert.that(read(FileFormat.PARQUET, dir.resolve("*.parquet").toString()))
        .containsInAnyOrder(FULL, NULLS);
    beam.pipeline().run().waitUntilFinish();
  }
}
