package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Threshold;
import org.junit.jupiter.api.Test;

class WarningsSectionParserTest {

  private static List<ConfigProblem> problems(Map<String, Object> section) {
    return assertThrows(ConfigException.class, () -> WarningsSectionParser.parse(section)).problems();
  }

  private static ConfigProblem p(String path, String message) {
    return ConfigProblem.of(path, message);
  }

  @Test
  void anEmptySectionGivesTheDefaults() throws Exception {
    WarningsSection section = WarningsSectionParser.parse(Map.of());
    assertEquals(Threshold.of(1.0, null), section.warnings().threshold(Check.REJECTED_ROWS));
    assertEquals(Threshold.of(3.0, null), section.warnings().threshold(Check.FAILING_KEY_RUNS));
    assertEquals(Threshold.of(0.5, null), section.warnings().threshold(Check.ROWS_CHANGE));
    assertEquals(Threshold.off(), section.warnings().threshold(Check.DELETES));
    assertEquals(5, section.warnings().averageRuns());
    assertEquals(AlertSettings.none(), section.alerts());
  }

  @Test
  void commandLineStringsAreReadLikeYamlValues() throws Exception {
    // --warnings=rejectedRows.critical=5 --warnings=failedRows=off --warnings=webhook.url=...
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("rejectedRows", Map.of("critical", "5"));
    section.put("failedRows", "off");
    section.put("webhook", Map.of("url", "https://hooks.example/T1", "timeoutSeconds", "3"));
    section.put("maxDeletes", "5");
    WarningsSection parsed = WarningsSectionParser.parse(section);
    assertEquals(Threshold.of(1.0, 5.0), parsed.warnings().threshold(Check.REJECTED_ROWS));
    assertEquals(Threshold.off(), parsed.warnings().threshold(Check.FAILED_ROWS));
    assertEquals("https://hooks.example/T1", parsed.alerts().webhook().url());
    assertEquals(3, parsed.alerts().webhook().timeoutSeconds());
    assertNull(parsed.alerts().email());
  }

  @Test
  void everyProblemIsNamedWithItsPath() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("rejectedRow", 1);
    section.put("rejectedShare", Map.of("warning", 0.5, "critical", 2));
    section.put("failedRows", Map.of("warning", 10, "critical", 5));
    section.put("deletes", "many");
    section.put("duplicateKeys", Map.of("warn", 1));
    section.put("rowsChange", Map.of("runs", 0));
    section.put("webhook", Map.of("url", "ftp://x", "urlEnv", "HOOK", "attempts", 50));
    section.put("email", Map.of("host", "smtp", "to", List.of("nobody"), "passwordFile", "/p"));
    assertEquals(
        List.of(
            p("warnings.rejectedRow", "unknown key; expected one of: rejectedRows, rejectedShare, failedRows,"
                + " duplicateKeys, deletes, durationMinutes, rowsChange, failingKeyRuns, maxDeletes, maxDeleteShare,"
                + " maxShrinkShare, maxMappingUpdateShare, webhook, email"),
            p("warnings.rejectedShare.critical", "expected a share between 0 and 1 (or off), got 2"),
            p("warnings.failedRows", "critical (5.0) is below warning (10.0)"),
            p("warnings.deletes", "expected a number, got 'many'"),
            p("warnings.duplicateKeys.warn", "unknown key; expected one of: warning, critical"),
            p("warnings.rowsChange.runs", "expected a whole number of runs of at least 1, got 0"),
            p("warnings.webhook", "give exactly one of url, urlEnv, urlFile"),
            p("warnings.webhook.url", "expected an http(s) URL with a host"),
            p("warnings.webhook.attempts", "expected a whole number from 1 to 10, got 50"),
            p("warnings.email.from", "required"),
            p("warnings.email.to", "expected an e-mail address, got 'nobody'"),
            p("warnings.email.user", "a password is given, so the user is required")),
        problems(section));
  }

  @Test
  void aBadWarningsSectionFailsTheConfigBeforeAnythingRuns() {
    String yaml = Configs.ordersWith("  failedRows: 10\n", "  failedRows: lots\n");
    List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml)).problems();
    assertEquals(List.of(p("warnings.failedRows", "expected a number, got 'lots'")), problems);
  }
}
