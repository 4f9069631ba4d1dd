package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.util.List;

/**
 * One command-line option overriding one config setting: {@code --<path>=VALUE}. The catalogue
 * {@link #ALL} covers every setting of the config file; {@code --help} lists it with defaults.
 */
@AutoValue
public abstract class Setting {
  /** How a setting's values land in the config tree. */
  public enum Shape {
    /** One value: {@code --write.concurrency=3}. */
    VALUE,
    /** Repeatable {@code KEY=VALUE}; the option's values replace the map. */
    MAP,
    /** Repeatable {@code KEY=VALUE}; merged into the (opaque) section. */
    MERGED_MAP,
    /** Repeatable {@code COLUMN=ATTRIBUTE[:TYPE][:create]}; the option's values replace the list. */
    MAPPING,
    /**
     * Repeatable {@code PROFILE_ATTRIBUTE=ATTRIBUTE} or {@code PROFILE_ATTRIBUTE=column:COLUMN[:TYPE]}
     * (the file's {@code {column: COLUMN, type: TYPE}}); the option's values replace the map.
     */
    PROFILE_ATTRIBUTES
  }

  /** The config path, also the option name without {@code --}. */
  public abstract String path();

  public abstract String label();

  public abstract Shape shape();

  /** The default shown by {@code --help}; "none" when the setting has none. */
  public abstract String defaultText();

  public abstract String description();

  public String optionName() {
    return "--" + path();
  }

  static Setting value(String path, String label, String defaultText, String description) {
    return new AutoValue_Setting(path, label, Shape.VALUE, defaultText, description);
  }

  static Setting of(String path, String label, Shape shape, String description) {
    return new AutoValue_Setting(path, label, shape, "none", description);
  }

  private static final String NONE = "none";

  /** Every setting, in config-file order. */
  public static final List<Setting> ALL =
      List.of(
          value("name", "ID", NONE, "Activation id: letters, digits, '.', '_', '-'."),
          value("source.jdbc.url", "URL", NONE, "JDBC URL of the segment database (no password in it)."),
          value(
              "source.jdbc.driver",
              "CLASS",
              JdbcSourceConfig.POSTGRESQL_DRIVER + " for jdbc:postgresql: URLs",
              "JDBC driver class."),
          value("source.jdbc.user", "USER", NONE, "Database user."),
          value("source.jdbc.passwordEnv", "VAR", NONE, "Environment variable holding the database password."),
          value("source.jdbc.passwordFile", "FILE", NONE, "File holding the database password."),
          value("source.jdbc.query", "SQL", NONE, "The segment query."),
          value(
              "source.jdbc.fetchSize",
              "ROWS",
              Integer.toString(JdbcSourceConfig.DEFAULT_FETCH_SIZE),
              "Rows fetched per database round trip."),
          value("source.bigquery.query", "SQL", NONE, "BigQuery standard-SQL query (or give a table)."),
          value("source.bigquery.table", "TABLE", NONE, "BigQuery table [project:]dataset.table (or give a query)."),
          value("source.bigquery.project", "PROJECT", "Beam's --project", "Project the BigQuery read runs in."),
          value("source.bigquery.location", "LOCATION", "chosen by BigQuery", "Location of the BigQuery query job."),
          value("source.files.glob", "GLOB", NONE, "File pattern on any Beam filesystem."),
          value("source.files.format", "FORMAT", NONE, "csv, jsonl, avro or parquet."),
          value("key", "COLUMN", NONE, "Source column feeding the custom table's primary key attribute."),
          of(
              "mapping",
              "COLUMN=ATTRIBUTE[:TYPE][:create]",
              Setting.Shape.MAPPING,
              "A mapping item (repeat for each; replaces the file's mapping). TYPE: STRING, LONG,"
                  + " NUMBER, BOOLEAN, DATE, TIMESTAMP; ':create' lets the launcher create the attribute."),
          value("mode", "MODE", NONE, "INSERT, UPDATE, UPSERT or MIRROR."),
          value(
              "target.environment",
              "ENV",
              NONE,
              "Actito environment: PRODUCTION_ENV0, PRODUCTION_ENV1, PRODUCTION_ENV3, PREPROD (or give a baseUrl)."),
          value("target.baseUrl", "URL", NONE, "Actito base URL (or give an environment)."),
          value("target.entity", "ENTITY", NONE, "Actito entity (technical name)."),
          value("target.table", "TABLE", NONE, "Actito custom table."),
          value(
              "target.timeZone",
              "ZONE",
              "UTC",
              "Time zone TIMESTAMP values are written in (IANA id, e.g. Europe/Brussels)."),
          value("target.apiKeyEnv", "VAR", NONE, "Environment variable holding the Actito API key."),
          value("target.apiKeyFile", "FILE", NONE, "File holding the Actito API key."),
          value("target.pathStyle", "STYLE", "PREFIXED", "CLASSIC or PREFIXED API routes."),
          value("profiles.insertMissing", "BOOL", "false", "Create the missing profiles rows reference (on/off)."),
          value("profiles.table", "TABLE", NONE, "Actito profile table."),
          value("profiles.linkAttribute", "ATTRIBUTE", NONE, "Custom-table attribute referencing the profile."),
          value("profiles.profileAttribute", "ATTRIBUTE", NONE, "Unique profile attribute it references."),
          of(
              "profiles.attributes",
              "PROFILE_ATTRIBUTE=ATTRIBUTE|column:COLUMN[:TYPE]",
              Setting.Shape.PROFILE_ATTRIBUTES,
              "Profile attribute set on creation from a custom-table attribute, or from a segment"
                  + " column read only for profiles ('column:email', optionally ':STRING'; the file's"
                  + " {column: email, type: STRING}) (repeat; replaces the file's)."),
          value("snapshot.root", "PATH", NONE, "Root folder of the snapshots (any Beam filesystem)."),
          value(
              "snapshot.retention",
              "RUNS",
              Integer.toString(SnapshotConfig.DEFAULT_RETENTION),
              "Committed runs kept (at least 1)."),
          value(
              "write.concurrency",
              "N",
              Integer.toString(WriteSettings.DEFAULT_CONCURRENCY),
              "Concurrent Actito requests (1 to " + WriteSettings.MAX_CONCURRENCY + ")."),
          value(
              "write.callsPerMinute",
              "N",
              "90",
              "Actito calls per minute (at most 100, Actito's limit per licence)."),
          value("write.strategy", "STRATEGY", "AUTO", "AUTO, RECORDS or BULK."),
          value(
              "write.bulk.etlId",
              "ID",
              NONE,
              "Actito ETL that bulk writes trigger (else one-shot ETL executions)."),
          value(
              "write.bulk.definitionTemplate",
              "FILE",
              "the jar's",
              "One-shot ETL definition template (JSON with ${table}, ${mode}, ${mapping}, ${fileName})."),
          value(
              "write.bulk.reportRecipients",
              "EMAILS",
              NONE,
              "E-mail addresses (comma-separated) for Actito's one-shot ETL reports."),
          value(
              "write.bulk.contract",
              "FILE",
              "the jar's",
              "JSON file replacing the inferred names of Actito's ETL API."),
          of(
              "warnings",
              "KEY=VALUE",
              Setting.Shape.MERGED_MAP,
              "A warnings setting (repeat; merged into the file's warnings section)."),
          value("schedule", "CRON", NONE, "5-field cron expression for schedulers."));
}
