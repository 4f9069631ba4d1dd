package org.actitosync.pipeline.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;
import javax.sql.DataSource;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.source.PartitionRanges.Range;
import org.actitosync.record.MappedRecord;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The JDBC source read over several connections ({@code source.jdbc.partitions} > 1): the segment
 * query's key range is split and each range read by its own query, so the read, a single cursor's
 * critical path on a big segment, runs on up to {@code partitions} workers at once.
 *
 * <pre>
 * Impulse → bounds: SELECT MIN(k), MAX(k) FROM (&lt;query&gt;) AS actito_sync_segment
 *         → ranges ({@link PartitionRanges}) → Reshuffle.viaRandomKey (the ranges spread over workers)
 *         → JdbcIO.readAll: SELECT * FROM (&lt;query&gt;) AS actito_sync_segment
 *                           WHERE (k &gt;= ? AND k &lt;= ?) OR (k IS NULL AND ? = 1)
 * </pre>
 *
 * <p>Guarantees: the key column {@code k} (the activation's key; the launcher checks before any
 * data moves that it is one integer column of the query's result, named exactly) is the only
 * partitioning column, so every row falls in exactly one range and no key is read twice; the
 * ranges cover the key's whole span from its minimum to its maximum, and a last range reads the
 * rows whose key is NULL, which reach the mapping and are rejected into the dead letters as with a
 * single query (nothing is lost, unlike Beam's {@code readWithPartitions}); an empty segment reads
 * no row, without error. Each range is read as {@link JdbcSource} reads the whole query: same fetch
 * size (a server-side cursor), row mapper, coder, no redistribution of the rows, and the password
 * only where the read runs. One query template serves every range: the third parameter (1 for the
 * NULL-key range, 0 otherwise) chooses between the bounds and {@code IS NULL}; the NULL-key range's
 * bounds select nothing.
 *
 * <p>Costs: one bounds query (an aggregate over the whole query) before the reads; then each
 * partition runs the query again with the key predicate: cheap on a table or a view the database
 * can push the predicate into (an indexed key: a range scan each), but on a heavy query (joins,
 * aggregates the predicate cannot enter) {@code partitions + 1} executions of it. The queries are
 * separate transactions, not one snapshot: a row inserted, updated or deleted while the read runs
 * may or may not be seen, as with a read a moment later (a key still cannot be read twice: the
 * ranges do not overlap; a row whose key itself is changed meanwhile is two keys, each of which may
 * or may not be seen). Ranges are split by key value, so skewed keys make uneven partitions.
 *
 * <p>The key is quoted as an SQL identifier with double quotes (standard SQL, PostgreSQL's); the
 * query loses a trailing {@code ;} and whitespace before it is wrapped, and is wrapped on its own
 * lines (a trailing line comment stays harmless).
 */
public final class PartitionedJdbcRead extends PTransform<PBegin, PCollection<MappedRecord>> {
  private static final long serialVersionUID = 1L;

  /** The SQL types a partitioning key may have in the query's result. */
  static final Set<Integer> INTEGER_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);

  /** The alias of the wrapped segment query. */
  static final String ALIAS = "actito_sync_segment";

  private final JdbcSourceConfig config;
  private final RowMapping mapping;

  private PartitionedJdbcRead(JdbcSourceConfig config, RowMapping mapping) {
    this.config = config;
    this.mapping = mapping;
  }

  /** The read of {@code config}'s query in {@code config.partitions()} key ranges of the mapping's key column. */
  public static PartitionedJdbcRead of(JdbcSourceConfig config, RowMapping mapping) {
    return new PartitionedJdbcRead(config, mapping);
  }

  @Override
  public PCollection<MappedRecord> expand(PBegin input) {
    SerializableFunction<Void, DataSource> dataSource = JdbcSource.dataSourceProvider(config);
    String key = quote(mapping.keyColumn());
    return input
        .apply("Once", Impulse.create())
        .apply("KeyBounds", ParDo.of(new BoundsFn(dataSource, boundsQuery(config.query(), key), config.partitions())))
        .setCoder(SerializableCoder.of(Range.class))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("ReadRanges", JdbcIO.<Range, MappedRecord>readAll()
            .withDataSourceProviderFn(dataSource)
            .withQuery(rangeQuery(config.query(), key))
            .withParameterSetter(PartitionedJdbcRead::setRange)
            .withFetchSize(config.fetchSize())
            .withOutputParallelization(false)
            .withRowMapper(new JdbcSource.MappingRowMapper(mapping))
            .withCoder(mapping.coder()));
  }

  /** {@code "name"}, embedded double quotes doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The user's query without trailing {@code ;} and whitespace, as a derived table. */
  static String wrapped(String query) {
    return "(\n" + query.replaceAll("[\\s;]+$", "") + "\n) AS " + ALIAS;
  }

  static String boundsQuery(String query, String quotedKey) {
    return "SELECT MIN(" + quotedKey + "), MAX(" + quotedKey + ") FROM " + wrapped(query);
  }

  static String rangeQuery(String query, String quotedKey) {
    return "SELECT * FROM " + wrapped(query) + "\nWHERE (" + quotedKey + " >= ? AND " + quotedKey + " <= ?)"
        + " OR (" + quotedKey + " IS NULL AND ? = 1)";
  }

  static void setRange(Range range, PreparedStatement statement) throws SQLException {
    statement.setLong(1, range.lower());
    statement.setLong(2, range.upper());
    statement.setInt(3, range.nullKeys() ? 1 : 0);
  }

  /** Runs the bounds query once and emits the ranges, the NULL-key range included. */
  static final class BoundsFn extends DoFn<byte[], Range> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<Void, DataSource> dataSource;
    private final String query;
    private final int partitions;

    BoundsFn(SerializableFunction<Void, DataSource> dataSource, String query, int partitions) {
      this.dataSource = dataSource;
      this.query = query;
      this.partitions = partitions;
    }

    @ProcessElement
    public void process(OutputReceiver<Range> out) throws SQLException {
      try (Connection connection = dataSource.apply(null).getConnection();
          PreparedStatement statement = connection.prepareStatement(query);
          ResultSet bounds = statement.executeQuery()) {
        int type = bounds.getMetaData().getColumnType(1);
        if (!INTEGER_TYPES.contains(type)) {
          throw new IllegalStateException("partitions need an integer key column; the key's type is "
              + bounds.getMetaData().getColumnTypeName(1));
        }
        bounds.next();
        long min = bounds.getLong(1);
        Long lower = bounds.wasNull() ? null : min;
        long max = bounds.getLong(2);
        Long upper = bounds.wasNull() ? null : max;
        for (Range range : PartitionRanges.of(lower, upper, partitions)) {
          out.output(range);
        }
      }
    }
  }
}
