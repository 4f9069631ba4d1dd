package org.actitosync.pipeline.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * as the driver's {@code getObject} returns them (String, Integer, Long, Boolean, Double...), each
 * column read the way {@link ColumnRead} picks for its type once per result set. From PostgreSQL
 * the results come in binary where the driver can ({@link #readProperties}).
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

  /**
   * The driver properties the read's connections get beside the configured URL. For PostgreSQL: the
   * results of the segment query in binary for the types whose binary values the driver reads as
   * it reads their text ({@link #BINARY_TYPES}: integers, numerics, floats, dates, timestamps,
   * UUIDs), so they are not parsed from text; every other type (text, arrays, JSON...) stays text.
   * The values read are the same either way ({@code ColumnReadTest}). None when the URL sets any of
   * these properties itself: {@code prepareThreshold=0} there keeps the text format and no
   * server-prepared statement, as a connection pooler in transaction mode needs (PgBouncer before
   * 1.21). None for other databases.
   */
  static Optional<String> readProperties(String url) {
    if (!url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
      return Optional.empty();
    }
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String parameter : url.substring(query + 1).split("&")) {
        String name = parameter.split("=", 2)[0].trim();
        if (name.equalsIgnoreCase("prepareThreshold")
            || name.regionMatches(true, 0, "binaryTransfer", 0, "binaryTransfer".length())) {
          return Optional.empty();
        }
      }
    }
    // prepareThreshold=-1: the driver's way to ask for binary results on a statement's first run
    return Optional.of("prepareThreshold=-1;binaryTransfer=false;binaryTransferEnable=" + BINARY_TYPES);
  }

  /** The PostgreSQL types the read takes in binary (the driver's names; see {@link #readProperties}). */
  static final String BINARY_TYPES = "INT2,INT4,INT8,NUMERIC,FLOAT4,FLOAT8,DATE,TIMESTAMP,TIMESTAMPTZ,UUID";

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
      Optional<String> properties = readProperties(config.url());
      if (properties.isPresent()) {
        dataSource = dataSource.withConnectionProperties(properties.get());
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

  /** The value of column {@code i} as a Java type CanonicalValues understands; null for SQL NULL. */
  static @Nullable Object value(ResultSet resultSet, ResultSetMetaData metadata, int i)
      throws SQLException {
    return ColumnRead.of(metadata, i).read(resultSet, i);
  }
}
