package org.actitosync.pipeline.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.actito.ApiKey;
import org.actitosync.actito.PathStyle;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeType;
import org.actitosync.write.Strategy;

/**
 * The config file's shape, as typed records bound by Jackson once the schema has passed (so every
 * value has its type, enums their spelling, and required values are present). A section the schema
 * refused is left out (null), so the checks across sections still run on the others. Each record
 * turns itself into the domain type the pipeline consumes.
 */
record ConfigFile(
    String name,
    SourceFile source,
    String key,
    List<MappingFile> mapping,
    SyncMode mode,
    TargetFile target,
    ProfilesFile profiles,
    SnapshotFile snapshot,
    WriteFile write,
    WarningsFile warnings,
    String schedule,
    RunnerFile runner) {

  /** {@code source}: exactly one of the three (the schema's oneOf). */
  record SourceFile(JdbcFile jdbc, BigQueryFile bigquery, FilesFile files) {
    SourceConfig toConfig() {
      if (jdbc != null) {
        return SourceConfig.of(jdbc.toConfig());
      }
      return bigquery != null ? SourceConfig.of(bigquery.toConfig()) : SourceConfig.of(files.toConfig());
    }
  }

  record JdbcFile(String url, String driver, String user, String passwordEnv, String passwordFile, String query,
      Integer fetchSize, Integer partitions) {
    JdbcSourceConfig toConfig() {
      Optional<SecretRef> password = passwordEnv != null ? Optional.of(SecretRef.fromEnv(passwordEnv))
          : Optional.ofNullable(passwordFile).map(SecretRef::fromFile);
      return JdbcSourceConfig.create(url, driver != null ? driver : JdbcSourceConfig.POSTGRESQL_DRIVER,
          Optional.ofNullable(user), password, query,
          fetchSize != null ? fetchSize : JdbcSourceConfig.DEFAULT_FETCH_SIZE,
          partitions != null ? partitions : JdbcSourceConfig.DEFAULT_PARTITIONS);
    }
  }

  record BigQueryFile(String query, String table, String project, String location) {
    BigQuerySourceConfig toConfig() {
      return BigQuerySourceConfig.create(Optional.ofNullable(query), Optional.ofNullable(table),
          Optional.ofNullable(project), Optional.ofNullable(location));
    }
  }

  record FilesFile(String glob, FileFormat format) {
    FilesSourceConfig toConfig() {
      return FilesSourceConfig.create(glob, format);
    }
  }

  record MappingFile(String column, String attribute, AttributeType type, Boolean create) {
    MappingEntry toEntry() {
      return MappingEntry.of(column, attribute, Optional.ofNullable(type), Boolean.TRUE.equals(create));
    }
  }

  record TargetFile(ActitoEnvironment environment, String baseUrl, String entity, String table, String timeZone,
      String apiKeyEnv, String apiKeyFile, PathStyle pathStyle) {
    /** With {@code zone}, the checked {@link #timeZone}. */
    TargetConfig toConfig(java.time.ZoneId zone) {
      String url = (environment != null ? environment.baseUrl() : baseUrl).replaceAll("/+$", "");
      ApiKey key = apiKeyEnv != null ? ApiKey.fromEnv(apiKeyEnv) : ApiKey.fromFile(apiKeyFile);
      return TargetConfig.create(Optional.ofNullable(environment), url, entity, table, key,
          pathStyle != null ? pathStyle : PathStyle.PREFIXED, zone);
    }
  }

  /**
   * One {@code profiles.attributes} item: a custom-table attribute (written as text) or a segment
   * column read only for profiles ({@code {column, type}}), as the schema's if/then/else says.
   */
  record ProfileItemFile(String attribute, String column, AttributeType type) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ProfileItemFile of(JsonNode node) {
      if (!node.isObject()) {
        return new ProfileItemFile(node.asText(), null, null);
      }
      JsonNode type = node.get("type");
      return new ProfileItemFile(null, node.path("column").asText(null),
          type == null || type.isNull() ? null : AttributeType.valueOf(type.asText()));
    }
  }

  record ProfilesFile(Boolean insertMissing, String table, String linkAttribute, String profileAttribute,
      Map<String, ProfileItemFile> attributes) {
    static final ProfilesFile NONE = new ProfilesFile(false, null, null, null, Map.of());

    Map<String, ProfileItemFile> items() {
      return attributes == null ? Map.of() : attributes;
    }

    ProfilesConfig toConfig() {
      Map<String, String> fromAttributes = new LinkedHashMap<>();
      Map<String, ProfileColumn> fromColumns = new LinkedHashMap<>();
      items().forEach((name, item) -> {
        if (item.attribute() != null) {
          fromAttributes.put(name, item.attribute());
        } else {
          fromColumns.put(name, ProfileColumn.of(item.column(), Optional.ofNullable(item.type())));
        }
      });
      return ProfilesConfig.create(Boolean.TRUE.equals(insertMissing), Optional.ofNullable(table),
          Optional.ofNullable(linkAttribute), Optional.ofNullable(profileAttribute), fromAttributes, fromColumns);
    }
  }

  record SnapshotFile(String root, Integer retention) {
    SnapshotConfig toConfig() {
      return SnapshotConfig.create(root, retention != null ? retention : SnapshotConfig.DEFAULT_RETENTION);
    }
  }

  record WriteFile(Integer concurrency, Double callsPerMinute, Strategy strategy, BulkFile bulk) {
    static final WriteFile NONE = new WriteFile(null, null, null, null);

    /** With {@code bulk}, the settings whose files were read and checked. */
    WriteSettings toConfig(BulkSettings bulk) {
      return WriteSettings.create(
          concurrency != null ? concurrency : WriteSettings.DEFAULT_CONCURRENCY,
          callsPerMinute != null ? callsPerMinute : WriteSettings.DEFAULT_CALLS_PER_MINUTE,
          strategy != null ? strategy : Strategy.AUTO,
          bulk);
    }
  }

  /** {@code write.bulk}: the files it names are read by {@link BulkFiles} when the config is built. */
  record BulkFile(String etlId, String definitionTemplate, List<String> reportRecipients, String contract) {}

  /**
   * {@code runner}: what the checks across sections need (the rest is the scheduler's, checked by
   * {@code runner.schema.json} only).
   */
  record RunnerFile(String type, Map<String, Object> secrets) {
    boolean dataflow() {
      return "DATAFLOW".equalsIgnoreCase(type);
    }
  }
}
