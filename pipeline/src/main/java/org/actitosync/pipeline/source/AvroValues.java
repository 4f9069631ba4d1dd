package org.actitosync.pipeline.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Avro values (from Avro or Parquet files) → Java types {@link
 * org.actitosync.record.CanonicalValues} understands, by the field's schema: {@code date} →
 * LocalDate, {@code timestamp-millis/micros} → Instant, {@code local-timestamp-*} → LocalDateTime,
 * {@code decimal} → BigDecimal, strings and enums → String; nullable unions resolve to their
 * branch. Values a reader already converted (LocalDate, Instant, BigDecimal...) pass through.
 */
public final class AvroValues {
  private AvroValues() {}

  /** The mapped columns of {@code record} as a row; columns the record lacks are absent. */
  public static Map<String, Object> row(GenericRecord record, RowMapping mapping) {
    Map<String, Object> row = mapping.newRow();
    Schema schema = record.getSchema();
    for (String column : mapping.columns()) {
      Schema.Field field = schema.getField(column);
      if (field == null) {
        throw new IllegalArgumentException(
            "mapped column '" + column + "' is not a field of the records (schema " + schema.getFullName() + ")");
      }
      row.put(column, toJava(field.schema(), record.get(field.pos())));
    }
    return row;
  }

  /** One value of schema {@code schema} as a plain Java value. */
  public static @Nullable Object toJava(Schema schema, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (schema.getType() == Schema.Type.UNION) {
      int branch = GenericData.get().resolveUnion(schema, value);
      return toJava(schema.getTypes().get(branch), value);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null) {
      Object converted = logical(logical, value);
      if (converted != null) {
        return converted;
      }
    }
    if (value instanceof CharSequence || value instanceof GenericData.EnumSymbol) {
      return value.toString();
    }
    if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof GenericRecord || value instanceof Map || value instanceof java.util.Collection) {
      return GenericData.get().toString(value); // nested data: its JSON text
    }
    return value;
  }

  private static @Nullable Object logical(LogicalType logical, Object value) {
    String name = logical.getName();
    switch (name) {
      case "date":
        return value instanceof Integer ? LocalDate.ofEpochDay((Integer) value) : null;
      case "timestamp-millis":
        return value instanceof Long ? Instant.ofEpochMilli((Long) value) : null;
      case "timestamp-micros":
        return value instanceof Long ? micros((Long) value) : null;
      case "local-timestamp-millis":
        return value instanceof Long
            ? LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC)
            : null;
      case "local-timestamp-micros":
        return value instanceof Long ? LocalDateTime.ofInstant(micros((Long) value), ZoneOffset.UTC) : null;
      case "time-millis":
        return value instanceof Integer ? LocalTime.ofNanoOfDay((Integer) value * 1_000_000L) : null;
      case "time-micros":
        return value instanceof Long ? LocalTime.ofNanoOfDay((Long) value * 1_000L) : null;
      case "decimal":
        {
          int scale = ((LogicalTypes.Decimal) logical).getScale();
          if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new BigDecimal(new BigInteger(bytes), scale);
          }
          if (value instanceof GenericFixed) {
            return new BigDecimal(new BigInteger(((GenericFixed) value).bytes()), scale);
          }
          return null;
        }
      default:
        return null;
    }
  }

  static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
