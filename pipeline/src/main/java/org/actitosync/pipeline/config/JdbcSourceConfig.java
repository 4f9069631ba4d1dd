package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code source.jdbc}: a SQL query over JDBC (PostgreSQL driver bundled). */
@AutoValue
public abstract class JdbcSourceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows fetched per round trip unless configured (JdbcIO's own default). */
  public static final int DEFAULT_FETCH_SIZE = 50_000;

  /** One query, one connection, unless configured. */
  public static final int DEFAULT_PARTITIONS = 1;

  /** The most partitions a read may be split into (the schema's maximum). */
  public static final int MAX_PARTITIONS = 1024;

  public static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

  /** The JDBC URL, without credentials (a {@code password=} in it is refused). */
  public abstract String url();

  /** The driver class: {@link #POSTGRESQL_DRIVER} for {@code jdbc:postgresql:} URLs by default. */
  public abstract String driver();

  abstract @Nullable String userOrNull();

  public Optional<String> user() {
    return Optional.ofNullable(userOrNull());
  }

  /** Where the password is (environment variable or file); empty for password-less access. */
  abstract @Nullable SecretRef passwordOrNull();

  public Optional<SecretRef> password() {
    return Optional.ofNullable(passwordOrNull());
  }

  /** The segment query; every mapped column must be in its result. */
  public abstract String query();

  public abstract int fetchSize();

  /**
   * How many key ranges the segment is read in, each by its own query and connection ({@code
   * org.actitosync.pipeline.source.PartitionedJdbcRead}); 1 is the single query. More than 1 needs
   * an integer key column, checked by the launcher before any data moves.
   */
  public abstract int partitions();

  public static JdbcSourceConfig create(
      String url,
      String driver,
      Optional<String> user,
      Optional<SecretRef> password,
      String query,
      int fetchSize,
      int partitions) {
    return new AutoValue_JdbcSourceConfig(
        url, driver, user.orElse(null), password.orElse(null), query, fetchSize, partitions);
  }
}
