package org.actitosync.pipeline.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the JDBC source reads a column's values, chosen once per result set from its SQL type, so
 * that no row asks the driver which type a column has.
 *
 * <p>Guarantee: every read returns the value {@code getObject} returns for the column, of the same
 * Java type, except where this class says otherwise: {@code date}, {@code timestamp} and {@code
 * timestamptz} come as {@link LocalDate}, {@link LocalDateTime} and {@link OffsetDateTime}; a
 * {@code numeric} as a {@link java.math.BigDecimal}, or as its text when it is none ({@code NaN},
 * {@code ±Infinity}); an array, a struct or a driver's own object (PostgreSQL's {@code json}, {@code
 * bit(n)}...) as its text. The typed reads ({@code BIGINT} as {@code getLong}, {@code INTEGER} and {@code
 * SMALLINT} as {@code getInt}, the character types as {@code getString}, PostgreSQL's {@code bool}
 * as {@code getBoolean}, each with {@code wasNull}) are what the JDBC specification's {@code
 * getObject} mapping gives, and what PostgreSQL's driver does inside {@code getObject}, without its
 * per-value type lookup. SQL NULL is null.
 */
enum ColumnRead {
  DATE,
  TIMESTAMP,
  TIMESTAMPTZ,
  DECIMAL,
  LONG,
  INT,
  STRING,
  BOOLEAN,
  OBJECT;

  static ColumnRead of(ResultSetMetaData metadata, int i) throws SQLException {
    switch (metadata.getColumnType(i)) {
      case Types.DATE:
        return DATE;
      case Types.TIMESTAMP:
        return "timestamptz".equalsIgnoreCase(metadata.getColumnTypeName(i)) ? TIMESTAMPTZ : TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return TIMESTAMPTZ;
      case Types.NUMERIC:
      case Types.DECIMAL:
        return DECIMAL;
      case Types.BIGINT: // unsigned ones (MySQL) are BigInteger or Long to getObject: read as it reads them
        return metadata.isSigned(i) ? LONG : OBJECT;
      case Types.INTEGER:
      case Types.SMALLINT:
        return metadata.isSigned(i) ? INT : OBJECT;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
        return STRING;
      case Types.BOOLEAN:
      case Types.BIT: // PostgreSQL's bool is BIT; its bit(n) too, whose getObject is not always a Boolean
        return "bool".equalsIgnoreCase(metadata.getColumnTypeName(i))
                || "boolean".equalsIgnoreCase(metadata.getColumnTypeName(i))
            ? BOOLEAN
            : OBJECT;
      default:
        return OBJECT;
    }
  }

  /** The value of column {@code i} of the current row; null for SQL NULL. */
  @Nullable Object read(ResultSet resultSet, int i) throws SQLException {
    Object value;
    switch (this) {
      case DATE:
        value = resultSet.getObject(i, LocalDate.class);
        break;
      case TIMESTAMP:
        value = resultSet.getObject(i, LocalDateTime.class);
        break;
      case TIMESTAMPTZ:
        value = resultSet.getObject(i, OffsetDateTime.class);
        break;
      case DECIMAL:
        value = decimal(resultSet, i);
        break;
      case LONG:
        long l = resultSet.getLong(i);
        return resultSet.wasNull() ? null : l;
      case INT:
        int n = resultSet.getInt(i);
        return resultSet.wasNull() ? null : n;
      case STRING:
        return resultSet.getString(i);
      case BOOLEAN:
        boolean b = resultSet.getBoolean(i);
        return resultSet.wasNull() ? null : b;
      default:
        value = resultSet.getObject(i);
        break;
    }
    if (value == null || resultSet.wasNull()) {
      return null;
    }
    if (value instanceof java.sql.Array || value instanceof java.sql.Struct
        || value.getClass().getName().startsWith("org.postgresql.")) {
      return value.toString(); // arrays, json, uuid wrappers...: their text
    }
    return value;
  }

  /**
   * A numeric column as a {@link java.math.BigDecimal}; PostgreSQL's {@code NaN} and {@code
   * ±Infinity}, which are no BigDecimal (the driver throws), come as their text instead, so the row
   * is rejected as an invalid value by the mapping rather than failing the whole read.
   */
  static @Nullable Object decimal(ResultSet resultSet, int i) throws SQLException {
    try {
      return resultSet.getBigDecimal(i);
    } catch (SQLException notADecimal) {
      String text = resultSet.getString(i);
      if (text == null) {
        throw notADecimal;
      }
      return text;
    }
  }
}
