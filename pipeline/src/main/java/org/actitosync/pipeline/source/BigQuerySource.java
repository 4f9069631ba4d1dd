package org.actitosync.pipeline.source;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.actitosync.pipeline.config.BigQuerySourceConfig;
import org.actitosync.record.MappedRecord;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.SchemaAndRecord;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The BigQuery source: {@link BigQueryIO#read(SerializableFunction)} of a table or a standard-SQL
 * query (export-based read), each exported Avro record mapped with the table schema at hand, so
 * every value keeps its BigQuery type: INT64 → Long, FLOAT64 → Double, NUMERIC/BIGNUMERIC →
 * BigDecimal, BOOL → Boolean, DATE → LocalDate, TIMESTAMP → Instant, DATETIME → LocalDateTime
 * (read as UTC), STRING → String; RECORD/REPEATED/JSON/GEOGRAPHY → their text.
 *
 * <p>Column names match case-insensitively, as in BigQuery. {@code project} qualifies a {@code
 * dataset.table} table; the read's jobs run in Beam's {@code --project}.
 */
public final class BigQuerySource {
  private BigQuerySource() {}

  public static BigQueryIO.TypedRead<MappedRecord> read(
      BigQuerySourceConfig config, RowMapping mapping) {
    BigQueryIO.TypedRead<MappedRecord> read =
        BigQueryIO.read(new ParseFn(mapping)).withCoder(mapping.coder());
    if (config.query().isPresent()) {
      read = read.fromQuery(config.query().get()).usingStandardSql();
      if (config.location().isPresent()) {
        read = read.withQueryLocation(config.location().get());
      }
      return read;
    }
    return read.from(config.qualifiedTable().orElseThrow());
  }

  /** Maps one exported record with its table schema. */
  static final class ParseFn implements SerializableFunction<SchemaAndRecord, MappedRecord> {
    private static final long serialVersionUID = 1L;
    private final RowMapping mapping;

    ParseFn(RowMapping mapping) {
      this.mapping = mapping;
    }

    @Override
    public MappedRecord apply(SchemaAndRecord input) {
      return mapping.map(row(input.getRecord(), input.getTableSchema(), mapping));
    }
  }

  /** The mapped columns of one exported record as Java values. */
  static Map<String, Object> row(GenericRecord record, TableSchema schema, RowMapping mapping) {
    Map<String, TableFieldSchema> fields = new HashMap<>();
    for (TableFieldSchema field : schema.getFields()) {
      fields.put(field.getName().toLowerCase(Locale.ROOT), field);
    }
    Map<String, Object> row = mapping.newRow();
    for (String column : mapping.columns()) {
      TableFieldSchema field = fields.get(column.toLowerCase(Locale.ROOT));
      if (field == null) {
        throw new IllegalArgumentException(
            "mapped column '" + column + "' is not in the BigQuery result; its columns: " + fields.keySet());
      }
      Schema.Field avroField = record.getSchema().getField(field.getName());
      Object raw = avroField == null ? null : record.get(avroField.pos());
      Object value = raw == null ? null : AvroValues.toJava(avroField.schema(), raw);
      row.put(column, value(field, value));
    }
    return row;
  }

  /** A value already converted from Avro, finished by its BigQuery type. */
  static @Nullable Object value(TableFieldSchema field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if ("REPEATED".equals(field.getMode())) {
      return value.toString();
    }
    String type = field.getType() == null ? "STRING" : field.getType().toUpperCase(Locale.ROOT);
    switch (type) {
      case "INTEGER":
      case "INT64":
        return value instanceof CharSequence ? Long.valueOf(value.toString()) : value;
      case "NUMERIC":
      case "BIGNUMERIC":
        return value instanceof CharSequence ? new BigDecimal(value.toString()) : value;
      case "DATE":
        return value instanceof CharSequence ? LocalDate.parse(value.toString()) : value;
      case "TIMESTAMP":
        if (value instanceof Long) {
          return AvroValues.micros((Long) value);
        }
        return value instanceof CharSequence ? timestamp(value.toString()) : value;
      case "DATETIME":
        return value instanceof CharSequence
            ? LocalDateTime.parse(value.toString().replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            : value;
      case "RECORD":
      case "STRUCT":
        return value.toString();
      default:
        return value;
    }
  }

  /** BigQuery's text timestamps: {@code 2024-05-01 08:00:00[.ffffff] UTC} or ISO-8601. */
  static Instant timestamp(String text) {
    String iso = text.trim();
    if (iso.endsWith(" UTC")) {
      iso = iso.substring(0, iso.length() - 4) + "Z";
    }
    return Instant.parse(iso.replace(' ', 'T'));
  }
}
