package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code runner} section: read by schedulers, validated with the rest of the file. */
class RunnerSectionTest {
  private static final String DATAFLOW =
      "runner:\n"
          + "  type: dataflow\n"
          + "  project: my-project\n"
          + "  region: europe-west1\n"
          + "  templatePath: gs://bucket/templates/actito-sync.json\n"
          + "  configPath: gs://bucket/activations/orders.yaml\n"
          + "  serviceAccount: sync@my-project.iam.gserviceaccount.com\n"
          + "  apiKeySecret: projects/my-project/secrets/actito-key/versions/3\n";

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml)).problems();
  }

  private static ConfigProblem p(String path, String message) {
    return ConfigProblem.of(path, message);
  }

  private static String orders(String runner) {
    return Configs.text("orders.yaml") + runner;
  }

  @Test
  void aFlinkSectionIsValidAndChangesNothingElse() throws Exception {
    ActivationConfig without = ConfigParser.parseYaml(Configs.text("orders.yaml"));
    ActivationConfig with =
        ConfigParser.parseYaml(
            orders(
                "runner:\n  type: FLINK\n  flinkMaster: localhost:8081\n  parallelism: 2\n"
                    + "  secrets:\n    ACTITO_API_KEY: {variable: actito_api_key}\n"
                    + "    DWH_PASSWORD: {connection: dwh}\n"));
    assertEquals(without, with);
    ConfigParser.parseYaml(orders("runner: {flinkMaster: '[local]'}\n"));
  }

  /** Loads {@code yaml} the way DataflowMain does: the secret reference becomes a key file. */
  private static LoadedConfig loadAsDataflowMain(String yaml) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("runner", ".yaml");
    try {
      java.nio.file.Files.writeString(file, yaml);
      return ConfigLoader.load(new String[] {
        "--config=" + file, "--target.apiKeyFile=/tmp/actito-sync-secrets/k", "--runner=DataflowRunner"});
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void aDataflowSectionTakesTheKeyFromSecretManager() throws Exception {
    String yaml =
        Configs.ordersWith("  apiKeyEnv: ACTITO_API_KEY\n", "")
            .replace("    passwordEnv: DWH_PASSWORD\n", "")
            + DATAFLOW
            + "  jdbcPasswordSecret: projects/my-project/secrets/dwh/versions/latest\n";
    assertEquals(List.of("--runner=DataflowRunner"), loadAsDataflowMain(yaml).pipelineArgs());
    // alone, the file names no key: only the Dataflow launcher (with the reference) can run it
    assertEquals(List.of(p("target", "missing required value: give apiKeyEnv or apiKeyFile")), problems(yaml));
  }

  @Test
  void flinkProblems() {
    assertEquals(
        List.of(
            p("runner.flinkMaster", "invalid value 'local': expected where Flink runs: [local] (embedded, the"
                + " default), [auto] or host:port of a session cluster"),
            p("runner.parallelism", "must be at least 1, not 0"),
            p("runner.secrets.API_KEY",
                "the config reads no such environment variable; expected one of: ACTITO_API_KEY, DWH_PASSWORD"),
            p("runner.secrets.DWH_PASSWORD", "expected a mapping (key: value), got 'hunter2'"),
            p("runner.project", "unknown key; expected one of: type, flinkMaster, parallelism, secrets")),
        problems(
            orders(
                "runner:\n  flinkMaster: local\n  parallelism: 0\n  secrets:\n"
                    + "    API_KEY: {variable: k}\n    DWH_PASSWORD: hunter2\n  project: p\n")));
    assertEquals(
        List.of(p("runner.type", "invalid value 'SPARK': expected FLINK (default) or DATAFLOW, in any letter case")),
        problems(orders("runner: {type: SPARK}\n")));
    assertEquals(List.of(p("runner", "expected a mapping (key: value), got 'FLINK'")),
        problems(orders("runner: FLINK\n")));
  }

  @Test
  void dataflowProblems() {
    assertEquals(
        List.of(
            p("source.jdbc.passwordEnv", "on DATAFLOW the workers do not have this environment variable:"
                + " remove it, runner.jdbcPasswordSecret gives the password"),
            p("target.apiKeyEnv", "on DATAFLOW the workers do not have this environment variable:"
                + " remove it, runner.apiKeySecret gives the key"),
            p("runner.project", "missing required value"),
            p("runner.region", "missing required value"),
            p("runner.templatePath", "missing required value"),
            p("runner.configPath", "invalid value '/etc/orders.yaml': expected a Cloud Storage path gs://bucket/path"),
            p("runner.apiKeySecret", "invalid value 'actito-key': expected a Secret Manager version"
                + " projects/P/secrets/S/versions/V, V a number or latest (a reference, not the secret's value)")),
        problems(orders("runner:\n  type: DATAFLOW\n  configPath: /etc/orders.yaml\n  apiKeySecret: actito-key\n")));
    assertEquals(
        List.of(p("target", "missing required value: give apiKeyEnv or apiKeyFile"),
            p("runner.apiKeySecret", "missing required value"),
            p("runner.flinkMaster",
                "unknown key; expected one of: type, project, region, templatePath, configPath,"
                    + " tempLocation, serviceAccount, apiKeySecret, jdbcPasswordSecret")),
        problems(
            Configs.ordersWith("  apiKeyEnv: ACTITO_API_KEY\n", "")
                    .replace("    passwordEnv: DWH_PASSWORD\n", "")
                + DATAFLOW.replace("  apiKeySecret: projects/my-project/secrets/actito-key/versions/3\n", "")
                + "  flinkMaster: '[local]'\n"));
  }

  @Test
  void theSectionHasNoCommandLineOverrideAndBeamKeepsRunner() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("runner", ".yaml");
    try {
      java.nio.file.Files.writeString(file, orders("runner: {type: FLINK}\n"));
      LoadedConfig loaded = ConfigLoader.load(new String[] {"--config=" + file, "--runner=FlinkRunner"});
      assertEquals(List.of("--runner=FlinkRunner"), loaded.pipelineArgs());
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
