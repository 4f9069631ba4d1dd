package org.actitosync.pipeline.source;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.config.FileFormat;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.MappingEntry;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeType;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Attribute types inferred from a source's schema (column → type), for the launcher: it resolves
 * mapping items without an explicit type ({@link ActivationConfig#attributeLayout(Map)}) and knows
 * which type to create a missing attribute with. Runs on the launcher, before the pipeline.
 */
public final class SourceSchemas {
  private SourceSchemas() {}

  /**
   * What can be inferred for {@code source}: the JDBC query's result columns, the fields of the
   * first Avro file matching the glob; empty for the other kinds (CSV and JSON lines have no
   * schema; Parquet and BigQuery: give explicit types, or use {@link #bigQuery(TableSchema)} on a
   * table schema fetched by the launcher).
   */
  public static Map<String, AttributeType> infer(SourceConfig source)
      throws SQLException, IOException {
    switch (source.kind()) {
      case JDBC:
        return jdbc(source.jdbc());
      case FILES:
        return source.files().format() == FileFormat.AVRO
            ? avroFiles(source.files().glob())
            : Collections.emptyMap();
      default:
        return Collections.emptyMap();
    }
  }

  /** The fields of the first Avro file matching {@code glob} (any Beam filesystem). */
  public static Map<String, AttributeType> avroFiles(String glob) throws IOException {
    List<MatchResult.Metadata> files = FileSystems.match(glob).metadata();
    if (files.isEmpty()) {
      throw new IOException("no file matches " + glob);
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(files.get(0).resourceId()));
        DataFileStream<GenericRecord> stream =
            new DataFileStream<>(in, new GenericDatumReader<GenericRecord>())) {
      return avro(stream.getSchema());
    }
  }

  /** The attribute type of each field of an Avro record schema (nullable unions unwrapped). */
  public static Map<String, AttributeType> avro(Schema record) {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    for (Schema.Field field : record.getFields()) {
      Schema schema = field.schema();
      if (schema.getType() == Schema.Type.UNION) {
        List<Schema> branches = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            branches.add(branch);
          }
        }
        if (branches.size() != 1) {
          continue;
        }
        schema = branches.get(0);
      }
      AttributeType type = avroType(schema);
      if (type != null) {
        types.put(field.name(), type);
      }
    }
    return Collections.unmodifiableMap(types);
  }

  private static AttributeType avroType(Schema schema) {
    String logical = schema.getLogicalType() == null ? "" : schema.getLogicalType().getName();
    switch (logical) {
      case "date":
        return AttributeType.DATE;
      case "timestamp-millis":
      case "timestamp-micros":
      case "local-timestamp-millis":
      case "local-timestamp-micros":
        return AttributeType.TIMESTAMP;
      case "decimal":
        return AttributeType.NUMBER;
      default:
        break;
    }
    switch (schema.getType()) {
      case STRING:
      case ENUM:
        return AttributeType.STRING;
      case INT:
      case LONG:
        return AttributeType.LONG;
      case FLOAT:
      case DOUBLE:
        return AttributeType.NUMBER;
      case BOOLEAN:
        return AttributeType.BOOLEAN;
      default:
        return null;
    }
  }

  /** The attribute type of each top-level, non-repeated column of a BigQuery table schema. */
  public static Map<String, AttributeType> bigQuery(TableSchema schema) {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    for (TableFieldSchema field : schema.getFields()) {
      if ("REPEATED".equals(field.getMode()) || field.getType() == null) {
        continue;
      }
      AttributeType type;
      switch (field.getType().toUpperCase(Locale.ROOT)) {
        case "STRING":
          type = AttributeType.STRING;
          break;
        case "INTEGER":
        case "INT64":
          type = AttributeType.LONG;
          break;
        case "FLOAT":
        case "FLOAT64":
        case "NUMERIC":
        case "BIGNUMERIC":
          type = AttributeType.NUMBER;
          break;
        case "BOOLEAN":
        case "BOOL":
          type = AttributeType.BOOLEAN;
          break;
        case "DATE":
          type = AttributeType.DATE;
          break;
        case "TIMESTAMP":
        case "DATETIME":
          type = AttributeType.TIMESTAMP;
          break;
        default:
          type = null;
      }
      if (type != null) {
        types.put(field.getName(), type);
      }
    }
    return Collections.unmodifiableMap(types);
  }

  /**
   * The query's result columns (labels, in order) with their attribute types, from the JDBC result
   * set metadata; the query is described, not run (or run with no row where the driver cannot
   * describe it). Columns of a type with no attribute type (binary, arrays...) are left out.
   */
  public static Map<String, AttributeType> jdbc(JdbcSourceConfig config) throws SQLException {
    return described(config, SourceSchemas::types);
  }

  /** What {@code reader} reads from the query's result metadata (described, or probed with no row). */
  static <T> T described(JdbcSourceConfig config, MetadataReader<T> reader) throws SQLException {
    try (Connection connection = JdbcSource.connect(config)) {
      try (PreparedStatement statement = connection.prepareStatement(config.query())) {
        ResultSetMetaData metadata = statement.getMetaData();
        if (metadata != null) {
          return reader.read(metadata);
        }
      }
      String probe = "SELECT * FROM (" + config.query() + ") actito_sync_probe WHERE 1 = 0";
      try (PreparedStatement statement = connection.prepareStatement(probe);
          ResultSet resultSet = statement.executeQuery()) {
        return reader.read(resultSet.getMetaData());
      }
    }
  }

  /** Reads what it needs from a result's metadata. */
  interface MetadataReader<T> {
    T read(ResultSetMetaData metadata) throws SQLException;
  }

  static Map<String, AttributeType> types(ResultSetMetaData metadata) throws SQLException {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      AttributeType type =
          attributeType(
              metadata.getColumnType(i),
              metadata.getColumnTypeName(i),
              metadata.getPrecision(i),
              metadata.getScale(i));
      if (type != null) {
        types.put(metadata.getColumnLabel(i), type);
      }
    }
    return Collections.unmodifiableMap(types);
  }

  /** The attribute type of a SQL column type, or null when there is none. */
  static AttributeType attributeType(int sqlType, String typeName, int precision, int scale) {
    switch (sqlType) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
      case Types.SQLXML:
      case Types.OTHER: // PostgreSQL uuid, json, jsonb, enums: their text
        return AttributeType.STRING;
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return AttributeType.LONG;
      case Types.NUMERIC:
      case Types.DECIMAL:
        return scale == 0 && precision > 0 && precision <= 18 ? AttributeType.LONG : AttributeType.NUMBER;
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return AttributeType.NUMBER;
      case Types.BOOLEAN:
        return AttributeType.BOOLEAN;
      case Types.BIT: // PostgreSQL reports boolean as BIT; bit(n > 1) is a bit string
        return "bool".equals(typeName.toLowerCase(Locale.ROOT)) || precision <= 1
            ? AttributeType.BOOLEAN
            : AttributeType.STRING;
      case Types.DATE:
        return AttributeType.DATE;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return AttributeType.TIMESTAMP;
      default:
        return null;
    }
  }

  /**
   * Checks that every mapped column is among the source's {@code columns} (e.g. the keys of {@link
   * #jdbc}); case-insensitive, as SQL folds unquoted names.
   *
   * @throws ConfigException with one problem per missing column ({@code mapping[i].column})
   */
  public static void checkColumns(ActivationConfig config, Set<String> columns)
      throws ConfigException {
    Set<String> lower = new java.util.HashSet<>();
    columns.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < config.mapping().size(); i++) {
      MappingEntry entry = config.mapping().get(i);
      if (!lower.contains(entry.column().toLowerCase(Locale.ROOT))) {
        problems.add(
            ConfigProblem.of(
                "mapping[" + i + "].column",
                "column '" + entry.column() + "' is not in the source; its columns: " + columns));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
