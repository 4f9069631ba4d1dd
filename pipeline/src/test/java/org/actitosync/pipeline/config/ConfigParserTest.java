package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Threshold;
import java.util.Optional;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.actito.ApiKey;
import org.actitosync.actito.PathStyle;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.write.Strategy;
import org.actitosync.write.WriterConfig;
import org.junit.jupiter.api.Test;

/** A valid config, every section read, and what the launcher builds from it. */
class ConfigParserTest {

  @Test
  void readsEverySection() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));

    assertEquals("orders-daily", config.name());
    assertEquals(SourceKind.JDBC, config.source().kind());
    JdbcSourceConfig jdbc = config.source().jdbc();
    assertEquals("jdbc:postgresql://db.internal:5432/dwh", jdbc.url());
    assertEquals(JdbcSourceConfig.POSTGRESQL_DRIVER, jdbc.driver());
    assertEquals(Optional.of("actito_reader"), jdbc.user());
    assertEquals(Optional.of(SecretRef.fromEnv("DWH_PASSWORD")), jdbc.password());
    assertEquals(10_000, jdbc.fetchSize());
    assertEquals(JdbcSourceConfig.DEFAULT_PARTITIONS, jdbc.partitions(), "one query unless configured");
    assertEquals("order_id", config.keyColumn());
    assertEquals("orderId", config.keyAttribute());
    assertEquals(6, config.mapping().size());
    assertEquals(
        MappingEntry.of("email", "email", Optional.of(AttributeType.STRING), true), config.mapping().get(1));
    assertEquals(
        MappingEntry.of("paid", "paid", Optional.empty(), false), config.mapping().get(3));
    assertEquals(SyncMode.UPSERT, config.mode());
    assertEquals(Optional.of(ActitoEnvironment.PRODUCTION_ENV3), config.target().environment());
    assertEquals("https://api3.actito.com", config.target().baseUrl());
    assertEquals(ApiKey.fromEnv("ACTITO_API_KEY"), config.target().apiKey());
    assertEquals(PathStyle.PREFIXED, config.target().pathStyle()); // not set: today's Actito routes
    assertTrue(config.profiles().insertMissing());
    assertEquals(Map.of("emailAddress", "email"), config.profiles().attributes());
    assertEquals(7, config.keepRuns());
    assertEquals(WriteSettings.create(3, 80, Strategy.RECORDS), config.write());
    assertEquals(100L, config.warnings().guards().maxDeletes());
    assertEquals(0.1, config.warnings().guards().maxDeleteShare()); // not set: the default
    WarningsSection warnings = config.warnings();
    assertEquals(Threshold.of(1.0, 500.0), warnings.warnings().threshold(Check.REJECTED_ROWS));
    assertEquals(Threshold.of(null, 0.05), warnings.warnings().threshold(Check.REJECTED_SHARE));
    assertEquals(Threshold.of(10.0, null), warnings.warnings().threshold(Check.FAILED_ROWS));
    assertEquals(Threshold.off(), warnings.warnings().threshold(Check.DELETES));
    assertEquals(Threshold.of(1.0, null), warnings.warnings().threshold(Check.DUPLICATE_KEYS));
    assertEquals(7, warnings.warnings().averageRuns());
    assertEquals("WebhookSettings[env:SLACK_WEBHOOK_URL]", warnings.alerts().webhook().toString());
    assertEquals(4, warnings.alerts().webhook().attempts());
    assertEquals(
        org.actitosync.pipeline.alert.EmailSettings.of("smtp.acme.example", 465,
            org.actitosync.pipeline.alert.EmailSettings.Security.SSL, "actito-sync@acme.example",
            List.of("data-team@acme.example", "oncall@acme.example"), "actito-sync",
            SecretRef.fromEnv("SMTP_PASSWORD"), 10),
        warnings.alerts().email());
    assertEquals(Optional.of("30 6 * * MON-FRI"), config.schedule());
  }

  @Test
  void defaultsApplyWhenOptionalSectionsAreLeftOut() throws Exception {
    ActivationConfig config =
        ConfigParser.parseYaml(
            "name: minimal\n"
                + "source: {files: {glob: /data/*.csv, format: CSV}}\n"
                + "key: id\n"
                + "mapping: [{column: id, attribute: id}]\n"
                + "mode: mirror\n"
                + "target: {baseUrl: 'http://127.0.0.1:8089/', entity: e, table: t, apiKeyFile: /run/key}\n"
                + "snapshot: {root: /tmp/snap}\n");
    assertEquals(FileFormat.CSV, config.source().files().format());
    assertEquals(SyncMode.MIRROR, config.mode());
    assertEquals("http://127.0.0.1:8089", config.target().baseUrl());
    assertEquals(Optional.empty(), config.target().environment());
    assertEquals(java.time.ZoneOffset.UTC, config.target().timeZone());
    assertEquals(WriteSettings.defaults(), config.write());
    assertEquals(SnapshotConfig.DEFAULT_RETENTION, config.keepRuns());
    assertFalse(config.profiles().insertMissing());
    assertEquals(Optional.empty(), config.profiles().toOption());
    assertEquals(WarningsSection.defaults(), config.warnings());
    assertEquals(Optional.empty(), config.schedule());
    assertEquals(PathStyle.PREFIXED, config.target().pathStyle());
    assertEquals(org.actitosync.actito.PathStyles.prefixed(), config.actitoClientConfig().pathStyles());
  }

  @Test
  void classicPathStyleIsTheExplicitOptionForOldEnvironments() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(
        Configs.ordersWith("  apiKeyEnv: ACTITO_API_KEY\n", "  apiKeyEnv: ACTITO_API_KEY\n  pathStyle: CLASSIC\n"));
    assertEquals(PathStyle.CLASSIC, config.target().pathStyle());
    assertEquals(org.actitosync.actito.PathStyles.classic(), config.actitoClientConfig().pathStyles());
  }

  @Test
  void buildsWhatTheLauncherNeeds() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));

    // 'paid' has no explicit type: taken from the inferred source schema.
    AttributeLayout layout = config.attributeLayout(Map.of("paid", AttributeType.BOOLEAN));
    assertEquals(AttributeType.BOOLEAN, layout.type("paid"));
    assertEquals(AttributeType.NUMBER, layout.type("amount"));

    ActitoClientConfig client = config.actitoClientConfig();
    assertEquals("https://api3.actito.com", client.baseUrl());
    assertEquals("acme", client.entity());

    WriterConfig writer = config.writerConfig(layout).setRunKey("run-1").build();
    assertEquals("Orders", writer.table());
    assertEquals(java.time.ZoneOffset.UTC, writer.timeZone());
    WriterConfig brussels = ConfigParser.parseYaml(Configs.ordersWith(
            "apiKeyEnv: ACTITO_API_KEY", "apiKeyEnv: ACTITO_API_KEY\n  timeZone: Europe/Brussels"))
        .writerConfig(layout).setRunKey("run-1").build();
    assertEquals(java.time.ZoneId.of("Europe/Brussels"), brussels.timeZone());
    assertEquals("orderId", writer.keyAttribute());
    assertEquals(3, writer.concurrency());
    assertEquals(80.0, writer.callsPerMinute());
    assertEquals(Strategy.RECORDS, writer.strategy());
    assertEquals("Customers", writer.profiles().profileTable());
    assertEquals("customerId", writer.profiles().linkAttribute());
    assertEquals(Map.of("customerId", "customerId", "emailAddress", "email"), writer.profiles().profileAttributes());

    assertEquals("orders-daily", config.snapshotStore().activation());

    MappedRecord record =
        config.recordMapper(layout).map(Map.of("order_id", 7L, "amount", "1.50", "paid", "yes"));
    assertEquals("7", record.key());
    assertEquals("1.5", record.values().get("amount"));
    assertEquals("true", record.values().get("paid"));
  }

  @Test
  void anAttributeWithoutTypeNeedsAnInferredOne() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));
    ConfigException e = assertThrows(ConfigException.class, () -> config.attributeLayout(Map.of()));
    assertEquals(
        List.of(
            ConfigProblem.of(
                "mapping[3].type",
                "no type given and none could be inferred for column 'paid' from the source: give one"
                    + " of STRING, LONG, NUMBER, BOOLEAN, DATE, TIMESTAMP")),
        e.problems());
  }

  @Test
  void toStringShowsWhereSecretsAreNeverASecret() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));
    String text = config.toString();
    assertTrue(text.contains("SecretRef[env:DWH_PASSWORD]"), text);
    assertTrue(text.contains("ApiKey[env:ACTITO_API_KEY]"), text);
  }
}
