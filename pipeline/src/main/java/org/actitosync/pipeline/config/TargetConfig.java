package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.actito.ApiKey;
import org.actitosync.actito.PathStyle;

/** {@code target}: the Actito custom table to keep in step. */
@AutoValue
public abstract class TargetConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The public environment, when given by name. */
  abstract @Nullable ActitoEnvironment environmentOrNull();

  public Optional<ActitoEnvironment> environment() {
    return Optional.ofNullable(environmentOrNull());
  }

  /** The base URL: the environment's, or the one given ({@code target.baseUrl}). */
  public abstract String baseUrl();

  public abstract String entity();

  /** The custom table's name. */
  public abstract String table();

  /** Where the API key is (env or file); its toString never shows the key. */
  public abstract ApiKey apiKey();

  public abstract PathStyle pathStyle();

  /**
   * {@code target.timeZone} (default UTC): the zone TIMESTAMP values are written in. Canonical
   * values and digests stay UTC instants, so changing it resends nothing by itself.
   */
  public abstract ZoneId timeZone();

  public static TargetConfig create(
      Optional<ActitoEnvironment> environment,
      String baseUrl,
      String entity,
      String table,
      ApiKey apiKey,
      PathStyle pathStyle,
      ZoneId timeZone) {
    return new AutoValue_TargetConfig(
        environment.orElse(null), baseUrl, entity, table, apiKey, pathStyle, timeZone);
  }
}
