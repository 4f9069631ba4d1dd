package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeType;
import org.actitosync.write.Strategy;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: --config, overrides of every kind, pass-through Beam options, --help. */
class ConfigLoaderTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void writeConfig() throws Exception {
    file = dir.resolve("orders.yaml");
    Files.writeString(file, Configs.text("orders.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void overridesReplaceTheFilesValuesAndBeamOptionsPassThrough() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.load(
            new String[] {
              "--config=" + file,
              "--runner=FlinkRunner",
              "--mode=mirror",
              "--write.concurrency=5",
              "--write.callsPerMinute", "95.5",
              "--write.strategy=BULK",
              "--snapshot.root=gs://bucket/snapshots",
              "--snapshot.retention=2",
              "--source.jdbc.fetchSize=500",
              "--source.jdbc.partitions=8",
              "--source.jdbc.url=jdbc:postgresql://other:5432/dwh",
              "--flinkMaster=[local]",
              "--target.environment=PREPROD",
              "--profiles.insertMissing=off",
              "--profiles.attributes=firstName=orderId",
              "--warnings=maxDeletes=5",
              "--schedule=0 2 * * *",
              "--name=orders-preprod",
            });
    ActivationConfig config = loaded.config();
    assertEquals(SyncMode.MIRROR, config.mode());
    assertEquals(WriteSettings.create(5, 95.5, Strategy.BULK), config.write());
    assertEquals(SnapshotConfig.create("gs://bucket/snapshots", 2), config.snapshot());
    assertEquals(500, config.source().jdbc().fetchSize());
    assertEquals(8, config.source().jdbc().partitions());
    assertEquals("jdbc:postgresql://other:5432/dwh", config.source().jdbc().url());
    assertEquals("SELECT order_id, email, amount, paid, placed_at FROM segment.orders", config.source().jdbc().query());
    assertEquals(Optional.of(ActitoEnvironment.PREPROD), config.target().environment());
    assertFalse(config.profiles().insertMissing());
    assertEquals(Map.of("firstName", "orderId"), config.profiles().attributes());
    assertEquals(5L, config.warnings().guards().maxDeletes());
    assertEquals(Optional.of("0 2 * * *"), config.schedule());
    assertEquals("orders-preprod", config.name());
    assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=[local]"), loaded.pipelineArgs());
    PipelineOptions options = PipelineOptionsFactory.fromArgs(loaded.pipelineArgsArray()).create();
    assertEquals("FlinkRunner", options.getRunner().getSimpleName());
  }

  @Test
  void aWholeConfigCanBeGivenOnTheCommandLine() throws Exception {
    ActivationConfig config =
        ConfigLoader.load(
                new String[] {
                  "--name=cli",
                  "--source.files.glob=/data/*.jsonl",
                  "--source.files.format=jsonl",
                  "--key=id",
                  "--mapping=id=customerId:LONG",
                  "--mapping=mail=email:STRING:create",
                  "--mapping=since=since",
                  "--mode=INSERT",
                  "--target.baseUrl=http://127.0.0.1:8089",
                  "--target.entity=acme",
                  "--target.table=Customers",
                  "--target.apiKeyFile=/run/secrets/actito",
                  "--target.timeZone=America/New_York",
                  "--target.pathStyle=PREFIXED",
                  "--snapshot.root=/tmp/snapshots",
                })
            .config();
    assertEquals(FilesSourceConfig.create("/data/*.jsonl", FileFormat.JSONL), config.source().files());
    assertEquals(
        List.of(
            MappingEntry.of("id", "customerId", Optional.of(AttributeType.LONG), false),
            MappingEntry.of("mail", "email", Optional.of(AttributeType.STRING), true),
            MappingEntry.of("since", "since", Optional.empty(), false)),
        config.mapping());
    assertEquals("customerId", config.keyAttribute());
    assertEquals("ApiKey[file:/run/secrets/actito]", config.target().apiKey().toString());
    assertEquals(java.time.ZoneId.of("America/New_York"), config.target().timeZone());
  }

  @Test
  void overridesGoThroughTheSameValidation() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    new String[] {
                      "--config=" + file,
                      "--write.concurrency=6",
                      "--mode=SOMETIMES",
                      "--write.concurency=3",
                      "--source.jdbc.password=hunter2",
                      "--mapping=amount=amount:NUMBER",
                      "--runner=DirectRunner",
                    }));
    assertEquals(
        List.of(
            ConfigProblem.of(
                "source.jdbc.password", "secret given inline: use passwordEnv or passwordFile"),
            ConfigProblem.of(
                "key", "key column 'order_id' is not mapped: add a mapping item with column: order_id"),
            ConfigProblem.of(
                "mode", "unknown mode 'SOMETIMES'; expected one of: INSERT, UPDATE, UPSERT, MIRROR"),
            ConfigProblem.of(
                "profiles.linkAttribute", "'customerId' is not a mapped attribute"),
            ConfigProblem.of("profiles.attributes.emailAddress", "'email' is not a mapped attribute"
                + " (for a segment column used only for profiles, write {column: COLUMN})"),
            ConfigProblem.of(
                "write.concurrency",
                "must be between 1 and 5 (Actito allows at most 5 concurrent requests per licence), not 6"),
            ConfigProblem.of(
                "write.concurency",
                "unknown key; expected one of: concurrency, callsPerMinute, strategy, bulk")),
        e.problems());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void aMissingConfigFileIsTheOneProblemReported() {
    // nothing follows from a file that cannot be read: no "missing required value" lines, and the
    // overrides are not checked against an empty tree
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(new String[] {"--config=" + dir.resolve("nope.yaml"), "--name=a b"}));
    assertEquals(
        List.of(ConfigProblem.of("config", "cannot read '" + dir.resolve("nope.yaml") + "': no such file")),
        e.problems());
  }

  @Test
  void aConfigFileThatIsNotYamlIsTheOneProblemReported() throws Exception {
    Files.writeString(file, "name: [unclosed\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--config=" + file}));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).message().startsWith(file + " is not valid YAML at line"), e.getMessage());
  }

  @Test
  void secretsFromFilesAreReadWhenNeededAndNeverPrinted() throws Exception {
    Path password = dir.resolve("pw");
    Path apiKey = dir.resolve("key");
    Files.writeString(password, "s3cr3t-pw\n");
    Files.writeString(apiKey, "s3cr3t-key");
    ActivationConfig config =
        ConfigLoader.load(
                new String[] {
                  "--config=" + file,
                  "--source.jdbc.passwordEnv=",
                  "--source.jdbc.passwordFile=" + password,
                  "--target.apiKeyEnv=",
                  "--target.apiKeyFile=" + apiKey,
                })
            .config();
    assertEquals("s3cr3t-pw", config.source().jdbc().password().get().reveal());
    assertEquals("s3cr3t-key", config.actitoClientConfig().apiKey().reveal());
    for (String text :
        List.of(
            config.toString(),
            config.source().toString(),
            config.target().toString(),
            config.actitoClientConfig().toString())) {
      assertFalse(text.contains("s3cr3t"), text);
    }
    assertTrue(config.toString().contains("SecretRef[file:" + password + "]"));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    String help = ConfigLoader.helpText(new String[] {"--runner=DirectRunner", "--help"}).orElseThrow();
    String flat = help.replaceAll("\\s+", " ");
    assertTrue(flat.contains(" --config=FILE "), help);
    for (ConfigOption setting : ConfigSchema.options()) {
      assertTrue(
          flat.contains(" " + setting.optionName() + "=" + setting.label() + " "),
          setting.optionName() + "\n" + help);
    }
    // every setting, --config, and the run options with a default (--runId, --progressSeconds)
    assertEquals(ConfigSchema.options().size() + 1 + 2, flat.split("Default: ", -1).length - 1, help);
    assertTrue(flat.contains("Concurrent Actito requests (1 to 5). Default: 4."), help);
    assertTrue(flat.contains("Committed runs kept (at least 1). Default: 5."), help);
    assertTrue(flat.contains("(at most 100, Actito's limit per licence). Default: 90."), help);
    assertTrue(flat.contains("Rows fetched per database round trip. Default: 50000."), help);
    assertTrue(flat.contains("AUTO, RECORDS or BULK. Default: AUTO."), help);
    assertEquals(Optional.empty(), ConfigLoader.helpText(new String[] {"--config=x"}));
  }

  @Test
  void everySettingOfTheCatalogueIsAKeyTheParserKnows() throws Exception {
    // Each VALUE setting set on the command line must never be reported as an unknown key.
    for (ConfigOption setting : ConfigSchema.options()) {
      String arg =
          setting.shape() == ConfigOption.Shape.VALUE
              ? setting.optionName() + "=x"
              : setting.path().equals("warnings") ? setting.optionName() + "=failedRows=b"
              : setting.optionName() + "=a=b";
      ConfigException e =
          assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {arg}));
      for (ConfigProblem problem : e.problems()) {
        assertFalse(problem.message().startsWith("unknown key"), arg + " → " + problem);
      }
    }
  }
}
