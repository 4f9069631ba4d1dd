package org.actitosync.pipeline.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordMapper;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The JDBC source: Beam's {@link JdbcIO} running the segment query with the configured fetch size
 * (a server-side cursor: auto-commit off), each row mapped to a {@link MappedRecord} in the row
 * mapper. The output is not redistributed ({@code withOutputParallelization(false)}): the next step
 * is the classification's CoGroupByKey, which spreads the rows by key anyway, and JdbcIO's extra
 * reshuffle cost a full sort of every row on the Flink runner (docs/benchmarks.md). This is the read
 * of one partition ({@code source.jdbc.partitions: 1}, the default); {@link PartitionedJdbcRead}
 * reads key ranges over several connections with the same data source, row mapper and coder.
 *
 * <p>The password is not part of the pipeline graph: the data source is built where the read runs,
 * from the password's location ({@code passwordEnv}/{@code passwordFile}), which must therefore be
 * reachable on the workers.
 *
 * <p>SQL values become the Java types {@link org.actitosync.record.CanonicalValues} understands:
 * {@code date} → {@link LocalDate}, {@code timestamp} → {@link LocalDateTime} (read as UTC), {@code
 * timestamptz} → {@link OffsetDateTime}, {@code numeric} → {@link java.math.BigDecimal}, the rest
 * as the driver returns them (String, Integer, Long, Boolean, Double...).
 */
public final class JdbcSource {
  private JdbcSource() {}

  public static JdbcIO.Read<MappedRecord> read(JdbcSourceConfig config, RowMapping mapping) {
    return JdbcIO.<MappedRecord>read()
        .withDataSourceProviderFn(dataSourceProvider(config))
        .withQuery(config.query())
        .withFetchSize(config.fetchSize())
        .withOutputParallelization(false)
        .withRowMapper(new MappingRowMapper(mapping))
        .withCoder(mapping.coder());
  }

  /** Builds (once per JVM and config) the pooled data source, revealing the password there. */
  public static SerializableFunction<Void, DataSource> dataSourceProvider(JdbcSourceConfig config) {
    return new ProviderFn(config);
  }

  /** A plain connection for the launcher (schema inference, checks). */
  static Connection connect(JdbcSourceConfig config) throws SQLException {
    try {
      Class.forName(config.driver());
    } catch (ClassNotFoundException e) {
      throw new SQLException("JDBC driver class " + config.driver() + " is not on the classpath", e);
    }
    Properties properties = new Properties();
    config.user().ifPresent(user -> properties.setProperty("user", user));
    config.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
    return DriverManager.getConnection(config.url(), properties);
  }

  private static final class ProviderFn implements SerializableFunction<Void, DataSource> {
    private static final long serialVersionUID = 1L;
    private final JdbcSourceConfig config;

    ProviderFn(JdbcSourceConfig config) {
      this.config = config;
    }

    @Override
    public DataSource apply(Void input) {
      JdbcIO.DataSourceConfiguration dataSource =
          JdbcIO.DataSourceConfiguration.create(config.driver(), config.url());
      if (config.user().isPresent()) {
        dataSource = dataSource.withUsername(config.user().get());
      }
      if (config.password().isPresent()) {
        dataSource = dataSource.withPassword(config.password().get().reveal());
      }
      // Cached per configuration by JdbcIO itself, so every DoFn instance shares one pool.
      return JdbcIO.PoolableDataSourceProvider.of(dataSource).apply(null);
    }
  }

  /**
   * Reads the columns the mapping's record mapper takes ({@link RecordMapper#columns()}) of the
   * current row, by position, and maps them. Every column of the mapping must be in the result.
   */
  static final class MappingRowMapper implements JdbcIO.RowMapper<MappedRecord> {
    private static final long serialVersionUID = 1L;
    private final RowMapping mapping;

    MappingRowMapper(RowMapping mapping) {
      this.mapping = mapping;
    }

    // Column positions and how each is read, resolved once per result set (JdbcIO maps every row
    // of one result set with the same mapper instance): no metadata lookup per row.
    private transient ResultSet resolvedFor;
    private transient int[] positions;
    private transient ColumnRead[] reads;

    @Override
    public MappedRecord mapRow(ResultSet resultSet) throws Exception {
      if (resolvedFor != resultSet) {
        ResultSetMetaData metadata = resultSet.getMetaData();
        for (String column : mapping.columns()) {
          index(resultSet, metadata, column);
        }
        List<String> columns = mapping.mapper().columns();
        int[] resolved = new int[columns.size()];
        ColumnRead[] howToRead = new ColumnRead[resolved.length];
        for (int c = 0; c < resolved.length; c++) {
          resolved[c] = index(resultSet, metadata, columns.get(c));
          howToRead[c] = ColumnRead.of(metadata, resolved[c]);
        }
        positions = resolved;
        reads = howToRead;
        resolvedFor = resultSet;
      }
      Object[] values = new Object[positions.length];
      for (int c = 0; c < positions.length; c++) {
        values[c] = reads[c].read(resultSet, positions[c]);
      }
      return mapping.map(values);
    }

    private static int index(ResultSet resultSet, ResultSetMetaData metadata, String column)
        throws SQLException {
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        if (metadata.getColumnLabel(i).equals(column)) {
          return i;
        }
      }
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        if (metadata.getColumnLabel(i).equalsIgnoreCase(column)) {
          return i;
        }
      }
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        labels.add(metadata.getColumnLabel(i));
      }
      throw new IllegalArgumentException(
          "mapped column '" + column + "' is not in the query's result; its columns: " + labels);
    }
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

  /** The value of column {@code i} as a Java type CanonicalValues understands; null for SQL NULL. */
  static @Nullable Object value(ResultSet resultSet, ResultSetMetaData metadata, int i)
      throws SQLException {
    return ColumnRead.of(metadata, i).read(resultSet, i);
  }

  /** How a column's values are read, chosen once from its SQL type. */
  enum ColumnRead {
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ,
    DECIMAL,
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
  }
}
