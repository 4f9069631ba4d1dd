package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import java.util.TreeMap;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.PathStyles;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.ProfileColumns;
import org.actitosync.record.RecordMapper;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.write.WriterConfig;

/**
 * One activation, validated: built only by {@link ConfigParser} / {@link ConfigLoader}, so every
 * instance has passed the schema ({@code activation.schema.json}) and the checks across sections
 * (mapping consistent, key mapped, limits within Actito's). Immutable
 * and serializable; {@link #toString()} shows where secrets are, never a secret.
 *
 * <p>What the launcher needs: {@link #actitoClientConfig()}, {@link #writerConfig(AttributeLayout)},
 * {@link #snapshotStore()}, {@link #mode()}, {@link #attributeLayout(Map)} (types from the mapping
 * or the source schema) and {@link #recordMapper(AttributeLayout)}.
 */
@AutoValue
public abstract class ActivationConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The activation id: letters, digits, {@code .}, {@code _}, {@code -}. Names the snapshot folder. */
  public abstract String name();

  public abstract SourceConfig source();

  /** The source column feeding the custom table's primary key attribute. */
  public abstract String keyColumn();

  /** The mapping, in file order. */
  public abstract List<MappingEntry> mapping();

  public abstract SyncMode mode();

  public abstract TargetConfig target();

  public abstract ProfilesConfig profiles();

  public abstract SnapshotConfig snapshot();

  public abstract WriteSettings write();

  /** The {@code warnings} section: warning thresholds, alert channels and guard thresholds. */
  public abstract WarningsSection warnings();

  /** A 5-field cron expression, for schedulers; the pipeline itself ignores it. */
  abstract @Nullable String scheduleOrNull();

  public Optional<String> schedule() {
    return Optional.ofNullable(scheduleOrNull());
  }

  static Builder builder() {
    return new AutoValue_ActivationConfig.Builder();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setName(String name);

    abstract Builder setSource(SourceConfig source);

    abstract Builder setKeyColumn(String keyColumn);

    abstract Builder setMapping(List<MappingEntry> mapping);

    abstract Builder setMode(SyncMode mode);

    abstract Builder setTarget(TargetConfig target);

    abstract Builder setProfiles(ProfilesConfig profiles);

    abstract Builder setSnapshot(SnapshotConfig snapshot);

    abstract Builder setWrite(WriteSettings write);

    abstract Builder setWarnings(WarningsSection warnings);

    abstract Builder setScheduleOrNull(@Nullable String schedule);

    abstract ActivationConfig build();
  }

  /** The custom-table attribute the key column feeds (the table's primary key). */
  public String keyAttribute() {
    for (MappingEntry entry : mapping()) {
      if (entry.column().equals(keyColumn())) {
        return entry.attribute();
      }
    }
    throw new IllegalStateException("validated config without a mapped key column");
  }

  /** Attribute → source column. */
  public Map<String, String> columnByAttribute() {
    Map<String, String> columns = new LinkedHashMap<>();
    for (MappingEntry entry : mapping()) {
      columns.put(entry.attribute(), entry.column());
    }
    return columns;
  }

  /**
   * The source columns the mapping reads, in mapping order, without repeats, then the profile-only
   * columns (read only with {@code profiles.insertMissing} on).
   */
  public List<String> mappedColumns() {
    List<String> columns = new ArrayList<>();
    for (MappingEntry entry : mapping()) {
      if (!columns.contains(entry.column())) {
        columns.add(entry.column());
      }
    }
    for (String column : profiles().profileColumns(Map.of()).columns().values()) {
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    return columns;
  }

  /**
   * The attribute layout: each attribute's explicit type, else the type inferred for its column
   * (e.g. {@code SourceSchemas.jdbc}); pass an empty map when the source has no schema.
   *
   * @throws ConfigException listing every attribute with neither (path {@code mapping[i].type})
   */
  public AttributeLayout attributeLayout(Map<String, AttributeType> inferredByColumn)
      throws ConfigException {
    Map<String, AttributeType> types = new TreeMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < mapping().size(); i++) {
      MappingEntry entry = mapping().get(i);
      AttributeType type = entry.type().orElse(inferredByColumn.get(entry.column()));
      if (type == null) {
        problems.add(
            ConfigProblem.of(
                "mapping[" + i + "].type",
                "no type given and none could be inferred for column '"
                    + entry.column()
                    + "' from the source: give one of STRING, LONG, NUMBER, BOOLEAN, DATE, TIMESTAMP"));
      } else {
        types.put(entry.attribute(), type);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return AttributeLayout.of(types);
  }

  /** Maps source rows (column → value) to records for {@code layout}. */
  public RecordMapper recordMapper(AttributeLayout layout) {
    return recordMapper(layout, profiles().profileColumns(Map.of()));
  }

  /** Maps source rows to records for {@code layout}, also reading {@code profileColumns}. */
  public RecordMapper recordMapper(AttributeLayout layout, ProfileColumns profileColumns) {
    return new RecordMapper(layout, columnByAttribute(), keyAttribute(), profileColumns);
  }

  /** The Actito client's config (defaults for retries, timeouts and imports). */
  public ActitoClientConfig actitoClientConfig() {
    return ActitoClientConfig.builder()
        .setBaseUrl(target().baseUrl())
        .setEntity(target().entity())
        .setApiKey(target().apiKey())
        .setPathStyles(PathStyles.all(target().pathStyle()))
        .setEtlContract(write().bulk().contract())
        .build();
  }

  /**
   * The writer's config for {@code layout}, with client, table, time zone, key attribute, types,
   * concurrency, calls per minute, strategy and profiles set. The launcher still sets the run key
   * ({@code setRunKey}) and may tune the rest before {@code build()}.
   */
  public WriterConfig.Builder writerConfig(AttributeLayout layout) {
    return writerConfig(layout, profiles().profileColumns(Map.of()));
  }

  /** The writer's config, with the profile-only columns typed as {@code profileColumns} says. */
  public WriterConfig.Builder writerConfig(AttributeLayout layout, ProfileColumns profileColumns) {
    return WriterConfig.builder()
        .setClient(actitoClientConfig())
        .setTable(target().table())
        .setTimeZone(target().timeZone())
        .setKeyAttribute(keyAttribute())
        .attributeTypes(layout.types())
        .setConcurrency(write().concurrency())
        .setCallsPerMinute(write().callsPerMinute())
        .setStrategy(write().strategy())
        .setProfiles(profiles().toOption(profileColumns).orElse(null))
        .setEtlId(write().bulk().etlId().orElse(null))
        .setDefinitionTemplate(write().bulk().definitionTemplate())
        .setReportRecipients(write().bulk().reportRecipients());
  }

  /** The activation's snapshot store ({@code <snapshot.root>/<name>/}). */
  public SnapshotStore snapshotStore() {
    return new SnapshotStore(snapshot().root(), name());
  }

  /** Committed runs to keep ({@code snapshot.retention}). */
  public int keepRuns() {
    return snapshot().retention();
  }
}
