package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code source}: exactly one of {@code jdbc}, {@code bigquery}, {@code files}. */
@AutoValue
public abstract class SourceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract SourceKind kind();

  /** Set when {@link #kind()} is JDBC. */
  public abstract @Nullable JdbcSourceConfig jdbc();

  /** Set when {@link #kind()} is BIGQUERY. */
  public abstract @Nullable BigQuerySourceConfig bigquery();

  /** Set when {@link #kind()} is FILES. */
  public abstract @Nullable FilesSourceConfig files();

  public static SourceConfig of(JdbcSourceConfig jdbc) {
    return new AutoValue_SourceConfig(SourceKind.JDBC, jdbc, null, null);
  }

  public static SourceConfig of(BigQuerySourceConfig bigquery) {
    return new AutoValue_SourceConfig(SourceKind.BIGQUERY, null, bigquery, null);
  }

  public static SourceConfig of(FilesSourceConfig files) {
    return new AutoValue_SourceConfig(SourceKind.FILES, null, null, files);
  }
}
