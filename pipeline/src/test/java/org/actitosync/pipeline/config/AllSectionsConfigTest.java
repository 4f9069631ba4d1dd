package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config with one error in every section, loaded as the launcher loads it: every error is
 * reported at once, each with its path, in file order, and nothing more (no error follows from
 * another).
 */
class AllSectionsConfigTest {
  @TempDir Path dir;

  private static ConfigProblem p(String path, String message) {
    return ConfigProblem.of(path, message);
  }

  @Test
  void oneErrorInEverySectionIsReportedWithItsPath() throws Exception {
    String yaml = Configs.ordersWith("name: orders-daily", "name: orders daily")
        .replace("fetchSize: 10000", "fetchSize: 0")
        .replace("key: order_id", "key: ''")
        .replace("type: NUMBER", "type: DECIMAL")
        .replace("mode: UPSERT", "mode: SYNC")
        .replace("environment: PRODUCTION_ENV3", "environment: env9\n  timeZone: Mars/Base")
        .replace("insertMissing: on", "insertMissing: maybe")
        .replace("retention: 7", "retention: 0")
        .replace("concurrency: 3", "concurrency: 8")
        .replace("maxDeletes: 100", "maxDeletes: 100\n  maxDeleteShare: 2")
        .replace("webhook: {urlEnv: SLACK_WEBHOOK_URL, attempts: 4}", "webhook: {url: 'ftp://hooks', attempts: 4}")
        .replace("\"30 6 * * MON-FRI\"", "\"30 25 * * *\"")
        + "runner: {type: FLINK, parallelism: 0}\n";
    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, yaml);
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(new String[] {"--config=" + file, "--runner=FlinkRunner"}));
    assertEquals(
        List.of(
            p("name", "invalid activation name 'orders daily': use only letters, digits, '.', '_' and '-'"),
            p("source.jdbc.fetchSize", "must be at least 1, not 0"),
            p("key", "must not be empty"),
            p("mapping[2].type",
                "unknown type 'DECIMAL'; expected one of: STRING, LONG, NUMBER, BOOLEAN, DATE, TIMESTAMP"),
            p("mode", "unknown mode 'SYNC'; expected one of: INSERT, UPDATE, UPSERT, MIRROR"),
            p("target.environment",
                "unknown environment 'env9'; expected one of: PRODUCTION_ENV0, PRODUCTION_ENV1, PRODUCTION_ENV3,"
                    + " PREPROD"),
            p("target.timeZone", "unknown time zone 'Mars/Base': give an IANA zone id such as UTC or Europe/Brussels"),
            p("profiles.insertMissing", "expected true or false (or on/off), got 'maybe'"),
            p("snapshot.retention", "must be at least 1, not 0"),
            p("write.concurrency",
                "must be between 1 and 5 (Actito allows at most 5 concurrent requests per licence), not 8"),
            p("warnings.maxDeleteShare", "expected a share between 0 and 1, got 2"),
            p("warnings.webhook.url", "expected an http(s) URL with a host"),
            p("schedule", "invalid cron '30 25 * * *': hour field '25': 25 is outside 0-23"),
            p("runner.parallelism", "must be at least 1, not 0")),
        e.problems());
  }
}
