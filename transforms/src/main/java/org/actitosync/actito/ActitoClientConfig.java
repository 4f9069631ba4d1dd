package org.actitosync.actito;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;
import org.actitosync.actito.etl.Compression;
import org.actitosync.actito.etl.EtlContract;
import org.actitosync.actito.etl.ImportPollingPolicy;
import org.actitosync.actito.retry.RetryPolicy;

/**
 * Immutable, {@link Serializable} configuration of an {@link ActitoClient}: safe to ship inside
 * Beam DoFns, which build the client in {@code @Setup}. {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * ActitoClientConfig config = ActitoClientConfig.builder()
 *     .setEnvironment(ActitoEnvironment.PRODUCTION_ENV3)   // or .setBaseUrl("http://127.0.0.1:8089")
 *     .setEntity("myEntity")
 *     .setApiKey(ApiKey.fromEnv("ACTITO_API_KEY"))
 *     .build();
 * }</pre>
 */
@AutoValue
public abstract class ActitoClientConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Actito's cap on an ETL data file (100 MB). */
  public static final long ACTITO_MAX_IMPORT_BYTES = 100L * 1024 * 1024;

  /** Base URL without trailing slash, e.g. {@code https://api3.actito.com}. */
  public abstract String baseUrl();

  /** Entity technical name (not its numeric id), used in every data path. */
  public abstract String entity();

  public abstract ApiKey apiKey();

  /** How each API family's routes are spelled (default: every family PREFIXED). */
  public abstract PathStyles pathStyles();

  public abstract RetryPolicy retryPolicy();

  public abstract Duration connectTimeout();

  public abstract Duration readTimeout();

  /** A token is re-minted this long before the expiry Actito announced ({@code expiresIn}). */
  public abstract Duration tokenSafetyMargin();

  /** Compression of ETL data files (default GZIP). */
  public abstract Compression importCompression();

  /** Largest import file the client will send (default and maximum: 100 MB, Actito's cap). */
  public abstract long maxImportBytes();

  public abstract ImportPollingPolicy importPolling();

  /** The inferred names of the v5 ETL API (default: the jar's, {@link EtlContract#defaults()}). */
  public abstract EtlContract etlContract();

  public static Builder builder() {
    return new AutoValue_ActitoClientConfig.Builder()
        .setPathStyles(PathStyles.prefixed())
        .setRetryPolicy(RetryPolicy.defaults())
        .setConnectTimeout(Duration.ofSeconds(10))
        .setReadTimeout(Duration.ofSeconds(60))
        .setTokenSafetyMargin(Duration.ofSeconds(60))
        .setImportCompression(Compression.GZIP)
        .setMaxImportBytes(ACTITO_MAX_IMPORT_BYTES)
        .setImportPolling(ImportPollingPolicy.defaults())
        .setEtlContract(EtlContract.defaults());
  }

  public abstract Builder toBuilder();

  /** Builder for {@link ActitoClientConfig}. Required: base URL (or environment), entity, key. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setBaseUrl(String baseUrl);

    /** Sets the base URL of a public Actito environment. */
    public Builder setEnvironment(ActitoEnvironment environment) {
      return setBaseUrl(environment.baseUrl());
    }

    public abstract Builder setEntity(String entity);

    public abstract Builder setApiKey(ApiKey apiKey);

    public abstract Builder setPathStyles(PathStyles pathStyles);

    /** Same style for every API family. */
    public Builder setPathStyle(PathStyle style) {
      return setPathStyles(PathStyles.all(style));
    }

    public abstract Builder setRetryPolicy(RetryPolicy retryPolicy);

    public abstract Builder setConnectTimeout(Duration connectTimeout);

    public abstract Builder setReadTimeout(Duration readTimeout);

    public abstract Builder setTokenSafetyMargin(Duration tokenSafetyMargin);

    public abstract Builder setImportCompression(Compression compression);

    public abstract Builder setMaxImportBytes(long maxImportBytes);

    public abstract Builder setImportPolling(ImportPollingPolicy importPolling);

    public abstract Builder setEtlContract(EtlContract contract);

    abstract String baseUrl();

    abstract ActitoClientConfig autoBuild();

    public ActitoClientConfig build() {
      String url = baseUrl();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalArgumentException("baseUrl must start with http:// or https://: " + url);
      }
      setBaseUrl(url);
      ActitoClientConfig c = autoBuild();
      if (c.entity().isBlank()) {
        throw new IllegalArgumentException("entity must not be blank");
      }
      if (c.maxImportBytes() <= 0 || c.maxImportBytes() > ACTITO_MAX_IMPORT_BYTES) {
        throw new IllegalArgumentException(
            "maxImportBytes must be in (0, " + ACTITO_MAX_IMPORT_BYTES + "]: " + c.maxImportBytes());
      }
      return c;
    }
  }
}
