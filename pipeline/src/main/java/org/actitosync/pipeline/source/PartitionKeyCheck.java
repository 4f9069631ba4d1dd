package org.actitosync.pipeline.source;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.SourceKind;

/**
 * The launcher's check, before any data moves, that a partitioned JDBC read ({@code
 * source.jdbc.partitions} > 1, {@link PartitionedJdbcRead}) can split on the activation's key: the
 * key is one column, and in the query's result it has that exact name and an integer type
 * (smallint, integer or bigint). The query is described, not run, as for {@link
 * SourceSchemas#jdbc}. Nothing to check (no connection) for one partition or another source kind.
 */
public final class PartitionKeyCheck {
  static final String PATH = "source.jdbc.partitions";

  private PartitionKeyCheck() {}

  /**
   * @throws ConfigException naming {@value #PATH}, the key column and its type when the key cannot
   *     be split on
   * @throws SQLException when the query cannot be described
   */
  public static void check(ActivationConfig config) throws ConfigException, SQLException {
    if (config.source().kind() != SourceKind.JDBC || config.source().jdbc().partitions() <= 1) {
      return;
    }
    JdbcSourceConfig jdbc = config.source().jdbc();
    Optional<String> problem =
        SourceSchemas.described(jdbc, metadata -> problem(metadata, config.keyColumn(), jdbc.partitions()));
    if (problem.isPresent()) {
      throw new ConfigException(ConfigProblem.of(PATH, problem.get()));
    }
  }

  /** What stops {@code partitions} reads splitting on {@code key} in a result of {@code metadata}. */
  static Optional<String> problem(ResultSetMetaData metadata, String key, int partitions) throws SQLException {
    String asked = partitions + " partitions split the read on the key column '" + key + "'";
    String otherwise = "; or set " + PATH + " to 1 (one query)";
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      labels.add(metadata.getColumnLabel(i));
    }
    int index = labels.indexOf(key);
    if (index < 0) {
      for (String label : labels) {
        if (label.equalsIgnoreCase(key)) {
          return Optional.of(asked + ", which the query's result names '" + label
              + "': give the key (and its mapping column) that exact name" + otherwise);
        }
      }
      return Optional.of(asked + ", which is not in the query's result; its columns: " + labels);
    }
    int type = metadata.getColumnType(index + 1);
    if (!PartitionedJdbcRead.INTEGER_TYPES.contains(type)) {
      return Optional.of(asked + ", whose type in the query's result is " + metadata.getColumnTypeName(index + 1)
          + ": partitions need an integer key (smallint, integer or bigint)" + otherwise);
    }
    return Optional.empty();
  }
}
