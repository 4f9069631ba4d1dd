package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code source.bigquery}: a standard-SQL query or a whole table. Exactly one of the two. */
@AutoValue
public abstract class BigQuerySourceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  abstract @Nullable String queryOrNull();

  public Optional<String> query() {
    return Optional.ofNullable(queryOrNull());
  }

  /** {@code project:dataset.table}, {@code project.dataset.table} or {@code dataset.table}. */
  abstract @Nullable String tableOrNull();

  public Optional<String> table() {
    return Optional.ofNullable(tableOrNull());
  }

  /**
   * The project the read runs in (query jobs and exports are billed to it) and the default project
   * of a {@code dataset.table} table. When empty, Beam's {@code --project} applies.
   */
  abstract @Nullable String projectOrNull();

  public Optional<String> project() {
    return Optional.ofNullable(projectOrNull());
  }

  /** The location (e.g. {@code EU}) the query runs in; empty lets BigQuery decide. */
  abstract @Nullable String locationOrNull();

  public Optional<String> location() {
    return Optional.ofNullable(locationOrNull());
  }

  public static BigQuerySourceConfig create(
      Optional<String> query, Optional<String> table, Optional<String> project, Optional<String> location) {
    return new AutoValue_BigQuerySourceConfig(query.orElse(null), table.orElse(null), project.orElse(null), location.orElse(null));
  }

  /** The table spec with the default project applied ({@code project:dataset.table}). */
  public Optional<String> qualifiedTable() {
    if (table().isEmpty()) {
      return Optional.empty();
    }
    String spec = table().get();
    if (spec.contains(":") || spec.chars().filter(c -> c == '.').count() >= 2 || project().isEmpty()) {
      return Optional.of(spec);
    }
    return Optional.of(project().get() + ":" + spec);
  }
}
