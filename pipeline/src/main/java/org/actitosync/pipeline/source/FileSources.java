package org.actitosync.pipeline.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.actitosync.pipeline.config.FilesSourceConfig;
import org.actitosync.record.MappedRecord;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The files source: every file matching the glob (any Beam filesystem), in one format.
 *
 * <ul>
 *   <li>CSV: a header line names the columns; RFC 4180 quoting (quoted fields may span lines); an
 *       empty field is null; values are text, typed by the attribute. One file is read by one
 *       worker (quoted newlines make CSV unsplittable).
 *   <li>JSON lines ({@code jsonl}): one object per line, split across workers ({@link TextIO});
 *       JSON numbers stay exact (BigDecimal), nested objects and lists become their JSON text;
 *       blank lines are skipped; a line that is not a JSON object fails the read.
 *   <li>Avro and Parquet: Beam's {@link AvroIO} / {@link ParquetIO}, records converted by {@link
 *       AvroValues} (logical types honoured), split across workers.
 * </ul>
 */
public final class FileSources {
  private FileSources() {}

  public static PTransform<PBegin, PCollection<MappedRecord>> read(
      FilesSourceConfig config, RowMapping mapping) {
    switch (config.format()) {
      case CSV:
        return csv(config.glob(), mapping);
      case JSONL:
        return jsonLines(config.glob(), mapping);
      case AVRO:
        return AvroIO.parseGenericRecords(new AvroRecordFn(mapping))
            .from(config.glob())
            .withCoder(mapping.coder());
      case PARQUET:
        return ParquetIO.parseGenericRecords(new AvroRecordFn(mapping))
            .from(config.glob())
            .withCoder(mapping.coder());
      default:
        throw new IllegalArgumentException("unknown format " + config.format());
    }
  }

  static PTransform<PBegin, PCollection<MappedRecord>> csv(String glob, RowMapping mapping) {
    return new PTransform<PBegin, PCollection<MappedRecord>>() {
      @Override
      public PCollection<MappedRecord> expand(PBegin input) {
        return input
            .apply("MatchFiles", FileIO.match().filepattern(glob))
            .apply("OpenFiles", FileIO.readMatches())
            .apply("ParseCsv", ParDo.of(new CsvFileFn(mapping)))
            .setCoder(mapping.coder());
      }
    };
  }

  static PTransform<PBegin, PCollection<MappedRecord>> jsonLines(String glob, RowMapping mapping) {
    return new PTransform<PBegin, PCollection<MappedRecord>>() {
      @Override
      public PCollection<MappedRecord> expand(PBegin input) {
        return input
            .apply("ReadLines", TextIO.read().from(glob))
            .apply("ParseJson", ParDo.of(new JsonLineFn(mapping)))
            .setCoder(mapping.coder());
      }
    };
  }

  /** Parses one CSV file (header line first) into records. */
  static final class CsvFileFn extends DoFn<FileIO.ReadableFile, MappedRecord> {
    private static final long serialVersionUID = 1L;
    private static final CsvMapper CSV = new CsvMapper();
    private final RowMapping mapping;

    CsvFileFn(RowMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<MappedRecord> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      try (InputStream in = Channels.newInputStream(file.open());
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          MappingIterator<Map<String, String>> rows =
              CSV.readerFor(Map.class)
                  .with(schema)
                  .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                  .readValues(reader)) {
        boolean checked = false;
        while (rows.hasNext()) {
          Map<String, String> row = rows.next();
          if (!checked) {
            CsvSchema header = (CsvSchema) rows.getParser().getSchema();
            for (String column : mapping.columns()) {
              if (header.column(column) == null) {
                throw new IllegalArgumentException(
                    "mapped column '" + column + "' is not in the header of " + name
                        + "; its columns: " + header.getColumnDesc());
              }
            }
            checked = true;
          }
          Map<String, Object> values = mapping.newRow();
          for (String column : mapping.columns()) {
            String value = row.get(column);
            values.put(column, value == null || value.isEmpty() ? null : value);
          }
          out.output(mapping.map(values));
        }
      }
    }
  }

  /** Parses one JSON line into a record. */
  static final class JsonLineFn extends DoFn<String, MappedRecord> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final RowMapping mapping;

    JsonLineFn(RowMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<MappedRecord> out) {
      if (line.isBlank()) {
        return;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("not a JSON line: " + shorten(line), e);
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException("a JSON line must be an object: " + shorten(line));
      }
      Map<String, Object> values = mapping.newRow();
      for (String column : mapping.columns()) {
        values.put(column, jsonValue(node.get(column)));
      }
      out.output(mapping.map(values));
    }

    private static Object jsonValue(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isIntegralNumber()) {
        return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      return node.toString(); // objects and lists: their JSON text
    }

    private static String shorten(String line) {
      return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
  }

  /** Maps an Avro record (from Avro or Parquet files). */
  static final class AvroRecordFn implements SerializableFunction<GenericRecord, MappedRecord> {
    private static final long serialVersionUID = 1L;
    private final RowMapping mapping;

    AvroRecordFn(RowMapping mapping) {
      this.mapping = mapping;
    }

    @Override
    public MappedRecord apply(GenericRecord record) {
      return mapping.map(AvroValues.row(record, mapping));
    }
  }
}
