package org.actitosync.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.RecordDigester;
import org.actitosync.record.RecordMapper;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the snapshot's size on disk per row for 250,000 rows with a 10-attribute mapping (the
 * size per row does not depend on the count: Avro compresses block by block; the benchmarks measure
 * it at 1,000,000 and 10,000,000 rows),
 * written with the schema and codec the pipeline uses. Target: at most 64 bytes per row, key, row
 * digest and per-attribute digests included.
 */
class SnapshotSizeTest {
  static final int ROWS = 250_000;

  @TempDir Path dir;

  @Test
  void aSnapshotTakesAtMost64BytesPerRow() throws Exception {
    Map<String, AttributeType> types = new HashMap<>();
    Map<String, String> columns = new HashMap<>();
    AttributeType[] cycle = {AttributeType.STRING, AttributeType.NUMBER, AttributeType.LONG,
        AttributeType.BOOLEAN, AttributeType.TIMESTAMP};
    for (int i = 0; i < 10; i++) {
      types.put("attr" + i, i == 0 ? AttributeType.STRING : cycle[i % cycle.length]);
      columns.put("attr" + i, "c" + i);
    }
    AttributeLayout layout = AttributeLayout.of(types);
    RecordMapper mapper = new RecordMapper(layout, columns, "attr0");
    RecordDigester digester = new RecordDigester(layout);
    Random random = new Random(7);
    File file = dir.resolve("part-00000-of-00001.avro").toFile();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SnapshotAvro.SCHEMA))) {
      writer.setCodec(SnapshotAvro.codec());
      writer.create(SnapshotAvro.SCHEMA, file);
      for (int i = 0; i < ROWS; i++) {
        Map<String, Object> row = new HashMap<>();
        row.put("c0", "ORD-" + (10_000_000 + i));
        for (int c = 1; c < 10; c++) {
          switch (types.get("attr" + c)) {
            case NUMBER: row.put("c" + c, BigDecimal.valueOf(random.nextInt(1_000_000), 2)); break;
            case LONG: row.put("c" + c, random.nextInt(100_000)); break;
            case BOOLEAN: row.put("c" + c, random.nextBoolean()); break;
            case TIMESTAMP: row.put("c" + c, Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000))); break;
            default: row.put("c" + c, "value-" + random.nextInt(1000));
          }
        }
        var record = mapper.map(row);
        writer.append(SnapshotAvro.toAvro(SnapshotEntry.written(record.key(), digester.digest(record), 1 + random.nextInt(200))));
      }
    }
    double bytesPerRow = (double) file.length() / ROWS;
    System.out.printf("Snapshot size: %,d bytes for %,d rows x 10 attributes = %.1f bytes/row%n",
        file.length(), ROWS, bytesPerRow);
    assertTrue(bytesPerRow <= 64.0, "snapshot takes " + bytesPerRow + " bytes per row");
    long read = 0;
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>(SnapshotAvro.SCHEMA))) {
      while (reader.hasNext()) {
        SnapshotAvro.fromAvro(reader.next());
        read++;
      }
    }
    assertEquals(ROWS, read);
  }
}
