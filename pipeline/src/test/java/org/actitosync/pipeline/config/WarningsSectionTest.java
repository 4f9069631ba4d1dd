package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code warnings} section: typed once with the rest of the config, every problem with its path. */
class WarningsSectionTest {
  @TempDir Path dir;

  /** orders.yaml without its warnings section. */
  private static String withoutWarnings() {
    String text = Configs.text("orders.yaml");
    return text.substring(0, text.indexOf("warnings:")) + text.substring(text.indexOf("schedule:"));
  }

  private static String withWarnings(String section) {
    return withoutWarnings() + section;
  }

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml)).problems();
  }

  private static ConfigProblem p(String path, String message) {
    return ConfigProblem.of(path, message);
  }

  @Test
  void anEmptySectionGivesTheDefaults() throws Exception {
    WarningsSection section = ConfigParser.parseYaml(withoutWarnings()).warnings();
    assertEquals(Threshold.of(1.0, null), section.warnings().threshold(Check.REJECTED_ROWS));
    assertEquals(Threshold.of(3.0, null), section.warnings().threshold(Check.FAILING_KEY_RUNS));
    assertEquals(Threshold.of(0.5, null), section.warnings().threshold(Check.ROWS_CHANGE));
    assertEquals(Threshold.off(), section.warnings().threshold(Check.DELETES));
    assertEquals(5, section.warnings().averageRuns());
    assertEquals(AlertSettings.none(), section.alerts());
    assertEquals(GuardThresholds.of(1000, 0.10, 0.50, 0.50), section.guards());
  }

  @Test
  void commandLineStringsAreReadLikeYamlValues() throws Exception {
    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, withoutWarnings());
    WarningsSection parsed = ConfigLoader.load(new String[] {
      "--config=" + file,
      "--warnings=rejectedRows.critical=5",
      "--warnings=failedRows=off",
      "--warnings=webhook.url=https://hooks.example/T1",
      "--warnings=webhook.timeoutSeconds=3",
      "--warnings=maxDeletes=5",
      "--warnings=maxDeleteShare=0.25",
    }).config().warnings();
    assertEquals(Threshold.of(1.0, 5.0), parsed.warnings().threshold(Check.REJECTED_ROWS));
    assertEquals(Threshold.off(), parsed.warnings().threshold(Check.FAILED_ROWS));
    assertEquals("https://hooks.example/T1", parsed.alerts().webhook().url());
    assertEquals(3, parsed.alerts().webhook().timeoutSeconds());
    assertNull(parsed.alerts().email());
    assertEquals(GuardThresholds.of(5, 0.25, 0.50, 0.50), parsed.guards());
  }

  @Test
  void everyProblemIsNamedWithItsPath() {
    String section = "warnings:\n"
        + "  rejectedRow: 1\n"
        + "  rejectedShare: {warning: 0.5, critical: 2}\n"
        + "  failedRows: {warning: 10, critical: 5}\n"
        + "  deletes: many\n"
        + "  duplicateKeys: {warn: 1}\n"
        + "  rowsChange: {runs: 0}\n"
        + "  webhook: {url: 'ftp://x', urlEnv: HOOK, attempts: 50}\n"
        + "  email: {host: smtp, to: [nobody], passwordFile: /p}\n";
    assertEquals(
        List.of(
            p("warnings.rejectedRow", "unknown key; expected one of: rejectedRows, rejectedShare, failedRows,"
                + " duplicateKeys, deletes, durationMinutes, rowsChange, failingKeyRuns, maxDeletes, maxDeleteShare,"
                + " maxShrinkShare, maxMappingUpdateShare, webhook, email"),
            p("warnings.rejectedShare.critical", "expected a share between 0 and 1 (or off), got 2"),
            p("warnings.failedRows", "critical (5.0) is below warning (10.0)"),
            p("warnings.deletes", "expected a number of at least 0 (or off), got 'many'"),
            p("warnings.duplicateKeys.warn", "unknown key; expected one of: warning, critical"),
            p("warnings.rowsChange.runs", "must be at least 1, not 0"),
            p("warnings.webhook", "give one of url, urlEnv, urlFile, not url and urlEnv"),
            p("warnings.webhook.url", "expected an http(s) URL with a host"),
            p("warnings.webhook.attempts", "must be at most 10, not 50"),
            p("warnings.email.from", "missing required value"),
            p("warnings.email.user", "missing required value: needed with passwordFile"),
            p("warnings.email.to[0]", "expected an e-mail address, got 'nobody'")),
        problems(withWarnings(section)));
  }

  @Test
  void aBadWarningsSectionFailsTheConfigBeforeAnythingRuns() {
    String yaml = Configs.ordersWith("  failedRows: 10\n", "  failedRows: lots\n");
    assertEquals(List.of(p("warnings.failedRows", "expected a number of at least 0 (or off), got 'lots'")),
        problems(yaml));
  }

  @Test
  void aBadGuardKeyIsReportedByTheLoaderWithTheOtherProblems() throws Exception {
    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, Configs.ordersWith("  maxDeletes: 100\n", "  maxDeletes: -1\n  maxDeleteShare: 2\n"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(new String[] {"--config=" + file, "--write.concurrency=9", "--mode=SYNC"}));
    assertEquals(
        List.of(
            p("mode", "unknown mode 'SYNC'; expected one of: INSERT, UPDATE, UPSERT, MIRROR"),
            p("write.concurrency",
                "must be between 1 and 5 (Actito allows at most 5 concurrent requests per licence), not 9"),
            p("warnings.maxDeletes", "must be at least 0, not -1"),
            p("warnings.maxDeleteShare", "expected a share between 0 and 1, got 2")),
        e.problems());
  }
}
