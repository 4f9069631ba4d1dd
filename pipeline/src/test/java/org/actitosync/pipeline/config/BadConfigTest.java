package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of bad config: each asserts the exact problems (path and message), in file
 * order; several problems in one file are reported together.
 */
class BadConfigTest {

  /**
   * The problems the parser reports; the same file given to the launcher must exit with the config
   * error code, print every problem, and touch nothing.
   */
  private static List<ConfigProblem> problems(String yaml) {
    List<ConfigProblem> problems =
        assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml)).problems();
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("bad-config", ".yaml");
      java.nio.file.Files.writeString(file, yaml);
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int code = new org.actitosync.pipeline.launch.Launcher(
              new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true))
          .run(new String[] {"--config=" + file});
      java.nio.file.Files.delete(file);
      assertEquals(org.actitosync.pipeline.launch.ExitCode.CONFIG_ERROR.code(), code);
      for (ConfigProblem problem : problems) {
        // a YAML syntax error names the file instead of "the config" when read by the launcher
        String expected = problem.message().contains("not valid YAML") ? "not valid YAML" : problem.message();
        assertTrue(err.toString().contains(expected), err + " lacks " + problem);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return problems;
  }

  private static ConfigProblem p(String path, String message) {
    return ConfigProblem.of(path, message);
  }

  @Test
  void unknownKeysAnywhereAreNamedWithTheirPath() {
    String yaml =
        Configs.ordersWith("mode: UPSERT", "mode: UPSERT\ncomment: hi")
            .replace("fetchSize: 10000", "fetchSize: 10000\n    fetchsize: 5")
            .replace("create: true}", "create: true, nullable: false}")
            .replace("strategy: RECORDS", "strategy: RECORDS\n  batch: 10");
    assertEquals(
        List.of(
            p(
                "source.jdbc.fetchsize",
                "unknown key; expected one of: url, driver, user, passwordEnv, passwordFile, query,"
                    + " fetchSize, partitions"),
            p("mapping[1].nullable", "unknown key; expected one of: column, attribute, type, create"),
            p(
                "comment",
                "unknown key; expected one of: name, source, key, mapping, mode, target, profiles,"
                    + " snapshot, write, warnings, schedule, runner"),
            p("write.batch", "unknown key; expected one of: concurrency, callsPerMinute, strategy, bulk")),
        problems(yaml));
  }

  @Test
  void wrongTypes() {
    String yaml =
        Configs.ordersWith("concurrency: 3", "concurrency: three")
            .replace("callsPerMinute: 80", "callsPerMinute: [80]")
            .replace("insertMissing: on", "insertMissing: maybe")
            .replace("retention: 7", "retention: 2.5")
            .replace("key: order_id", "key: {column: order_id}");
    assertEquals(
        List.of(
            p("key", "expected text, got a mapping"),
            p("profiles.insertMissing", "expected true or false (or on/off), got 'maybe'"),
            p("snapshot.retention", "expected a whole number, got 2.5"),
            p("write.concurrency", "expected a whole number, got 'three'"),
            p("write.callsPerMinute", "expected a number, got a list")),
        problems(yaml));
  }

  @Test
  void missingRequiredValues() {
    assertEquals(
        List.of(
            p("name", "missing required value"),
            p("source", "missing required value"),
            p("key", "missing required value"),
            p("mapping", "missing required value"),
            p("mode", "missing required value"),
            p("target", "missing required value"),
            p("snapshot", "missing required value")),
        problems("schedule: '0 1 * * *'\n"));
    assertEquals(
        List.of(
            p("source.jdbc.query", "missing required value"),
            p("target", "missing required value: give apiKeyEnv or apiKeyFile"),
            p("target.entity", "must not be empty")),
        problems(
            Configs.ordersWith(
                    "    query: SELECT order_id, email, amount, paid, placed_at FROM segment.orders\n", "")
                .replace("entity: acme", "entity: ''")
                .replace("  apiKeyEnv: ACTITO_API_KEY\n", "")));
  }

  @Test
  void aKeyWithNoValueIsAKeyLeftOut() {
    assertEquals(
        List.of(p("mode", "missing required value"), p("target", "missing required value: give apiKeyEnv or apiKeyFile")),
        problems(Configs.ordersWith("mode: UPSERT", "mode:").replace("apiKeyEnv: ACTITO_API_KEY", "apiKeyEnv:")));
  }

  @Test
  void anUnknownTimeZoneIsNamedWithItsPathAmongTheOtherProblems() {
    String yaml =
        Configs.ordersWith("apiKeyEnv: ACTITO_API_KEY", "apiKeyEnv: ACTITO_API_KEY\n  timeZone: Europe/Bruxelles")
            .replace("concurrency: 3", "concurrency: three");
    assertEquals(
        List.of(
            p(
                "target.timeZone",
                "unknown time zone 'Europe/Bruxelles': give an IANA zone id such as UTC or Europe/Brussels"),
            p("write.concurrency", "expected a whole number, got 'three'")),
        problems(yaml));
    assertEquals(
        List.of(p("target.timeZone", "unknown time zone 'CEST+1': give an IANA zone id such as UTC or Europe/Brussels")),
        problems(Configs.ordersWith("apiKeyEnv: ACTITO_API_KEY", "apiKeyEnv: ACTITO_API_KEY\n  timeZone: CEST+1")));
  }

  @Test
  void unknownModeFormatTypeAndEnvironment() {
    String yaml =
        Configs.ordersWith("mode: UPSERT", "mode: SYNC")
            .replace("type: NUMBER", "type: DECIMAL")
            .replace("environment: PRODUCTION_ENV3", "environment: env9");
    assertEquals(
        List.of(
            p(
                "mapping[2].type",
                "unknown type 'DECIMAL'; expected one of: STRING, LONG, NUMBER, BOOLEAN, DATE, TIMESTAMP"),
            p("mode", "unknown mode 'SYNC'; expected one of: INSERT, UPDATE, UPSERT, MIRROR"),
            p(
                "target.environment",
                "unknown environment 'env9'; expected one of: PRODUCTION_ENV0, PRODUCTION_ENV1,"
                    + " PRODUCTION_ENV3, PREPROD")),
        problems(yaml));
    assertEquals(
        List.of(
            p("source.files.format", "unknown format 'xml'; expected one of: csv, jsonl, avro, parquet")),
        problems(
            Configs.ordersWith(
                "  jdbc:\n    url: jdbc:postgresql://db.internal:5432/dwh\n    user: actito_reader\n"
                    + "    passwordEnv: DWH_PASSWORD\n"
                    + "    query: SELECT order_id, email, amount, paid, placed_at FROM segment.orders\n"
                    + "    fetchSize: 10000\n",
                "  files: {glob: '/data/*.xml', format: xml}\n")));
  }

  @Test
  void twoColumnsToOneAttributeAndAnUnmappedKeyColumn() {
    String yaml =
        Configs.ordersWith("{column: amount, attribute: amount", "{column: total, attribute: email")
            .replace("key: order_id", "key: id");
    assertEquals(
        List.of(
            p("key", "key column 'id' is not mapped: add a mapping item with column: id"),
            p(
                "mapping[2].attribute",
                "attribute 'email' is already fed by column 'email' (mapping[1]): two columns cannot"
                    + " feed one attribute")),
        problems(yaml));
  }

  @Test
  void secretsGivenInlineAreRefused() {
    String yaml =
        Configs.ordersWith("passwordEnv: DWH_PASSWORD", "password: hunter2")
            .replace("apiKeyEnv: ACTITO_API_KEY", "apiKey: abc123");
    List<ConfigProblem> problems = problems(yaml);
    assertEquals(
        List.of(
            p("source.jdbc.password", "secret given inline: use passwordEnv or passwordFile"),
            p("target", "missing required value: give apiKeyEnv or apiKeyFile"),
            p("target.apiKey", "secret given inline: use apiKeyEnv or apiKeyFile")),
        problems);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml));
    assertTrue(!e.getMessage().contains("hunter2") && !e.getMessage().contains("abc123"));
    assertEquals(
        List.of(
            p(
                "source.jdbc.url",
                "secret given inline: use passwordEnv or passwordFile (remove password= from the URL)")),
        problems(
            Configs.ordersWith(
                "url: jdbc:postgresql://db.internal:5432/dwh",
                "url: jdbc:postgresql://db.internal:5432/dwh?user=a&password=hunter2")));
  }

  @Test
  void limitsAboveWhatActitoAllows() {
    String yaml =
        Configs.ordersWith("concurrency: 3", "concurrency: 8")
            .replace("callsPerMinute: 80", "callsPerMinute: 150")
            .replace("retention: 7", "retention: 0");
    assertEquals(
        List.of(
            p("snapshot.retention", "must be at least 1, not 0"),
            p(
                "write.concurrency",
                "must be between 1 and 5 (Actito allows at most 5 concurrent requests per licence), not 8"),
            p(
                "write.callsPerMinute",
                "must be above 0 and at most 100 (Actito's limit per licence), not 150")),
        problems(yaml));
  }

  @Test
  void partitionsOutOfRange() {
    assertEquals(
        List.of(p("source.jdbc.partitions", "must be between 1 and 1024, not 0")),
        problems(Configs.ordersWith("fetchSize: 10000", "fetchSize: 10000\n    partitions: 0")));
    assertEquals(
        List.of(p("source.jdbc.partitions", "must be between 1 and 1024, not 2000")),
        problems(Configs.ordersWith("fetchSize: 10000", "fetchSize: 10000\n    partitions: 2000")));
    assertEquals(
        List.of(p("source.jdbc.partitions", "expected a whole number, got 'many'")),
        problems(Configs.ordersWith("fetchSize: 10000", "fetchSize: 10000\n    partitions: many")));
  }

  @Test
  void invalidActivationNameAndCron() {
    String yaml =
        Configs.ordersWith("name: orders-daily", "name: orders daily/v2")
            .replace("schedule: \"30 6 * * MON-FRI\"", "schedule: \"30 6 * *\"");
    assertEquals(
        List.of(
            p(
                "name",
                "invalid activation name 'orders daily/v2': use only letters, digits, '.', '_' and '-'"),
            p(
                "schedule",
                "invalid cron '30 6 * *': expected 5 fields (minute hour day-of-month month"
                    + " day-of-week), got 4")),
        problems(yaml));
    assertEquals(
        List.of(p("schedule", "invalid cron '30 25 * * *': hour field '25': 25 is outside 0-23")),
        problems(Configs.ordersWith("\"30 6 * * MON-FRI\"", "\"30 25 * * *\"")));
  }

  @Test
  void sourceAndTargetAlternativesAreExclusive() {
    String yaml =
        Configs.ordersWith("source:\n", "source:\n  bigquery: {table: ds.orders, query: SELECT 1}\n")
            .replace("environment: PRODUCTION_ENV3", "environment: PREPROD\n  baseUrl: ftp://x")
            .replace("apiKeyEnv: ACTITO_API_KEY", "apiKeyEnv: A\n  apiKeyFile: /k");
    assertEquals(
        List.of(
            p("source", "give one of jdbc, bigquery, files, not jdbc and bigquery"),
            p("source.bigquery", "give query or table, not both"),
            p("target", "give environment or baseUrl, not both"),
            p("target", "give apiKeyEnv or apiKeyFile, not both"),
            p("target.baseUrl", "must start with http:// or https://, got 'ftp://x'")),
        problems(yaml));
  }

  @Test
  void profilesMustReferenceMappedAttributes() {
    String yaml =
        Configs.ordersWith("linkAttribute: customerId", "linkAttribute: clientId")
            .replace("emailAddress: email", "emailAddress: mail")
            .replace("  table: Customers\n", "");
    assertEquals(
        List.of(
            p("profiles.table", "missing required value"),
            p("profiles.linkAttribute", "'clientId' is not a mapped attribute"),
            p("profiles.attributes.emailAddress", "'mail' is not a mapped attribute"
                + " (for a segment column used only for profiles, write {column: COLUMN})")),
        problems(yaml));
  }

  @Test
  void invalidYamlAndDuplicateKeys() {
    List<ConfigProblem> broken = problems("name: [unclosed\n");
    assertEquals(1, broken.size());
    assertEquals("", broken.get(0).path());
    assertTrue(broken.get(0).message().startsWith("the config is not valid YAML at line"), broken.toString());
    List<ConfigProblem> duplicate = problems(Configs.ordersWith("mode: UPSERT", "mode: UPSERT\nmode: INSERT"));
    assertEquals(1, duplicate.size());
    assertTrue(duplicate.get(0).message().contains("Duplicate field 'mode'"), duplicate.toString());
  }

  @Test
  void theExceptionMessageListsEveryProblemOnItsOwnLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigParser.parseYaml(Configs.ordersWith("mode: UPSERT", "mode: SYNC").replace("concurrency: 3", "concurrency: 9")));
    assertEquals(
        "invalid activation config (2 problems):\n"
            + "  mode: unknown mode 'SYNC'; expected one of: INSERT, UPDATE, UPSERT, MIRROR\n"
            + "  write.concurrency: must be between 1 and 5 (Actito allows at most 5 concurrent"
            + " requests per licence), not 9",
        e.getMessage());
  }
}
