package org.actitosync.pipeline.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.alert.EmailSettings;
import org.actitosync.pipeline.alert.WebhookSettings;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Threshold;
import org.actitosync.pipeline.warning.WarningSettings;

/**
 * The {@code warnings} section as written, bound once after the schema passed: one {@link
 * CheckFile} per check (keys of {@link Check}), the guard thresholds and the alert channels. {@link
 * #toSection()} gives the typed {@link WarningsSection}; {@link #problems()} the one check the
 * schema cannot express (a critical level below the warning level).
 */
record WarningsFile(
    CheckFile rejectedRows,
    CheckFile rejectedShare,
    CheckFile failedRows,
    CheckFile duplicateKeys,
    CheckFile deletes,
    CheckFile durationMinutes,
    CheckFile rowsChange,
    CheckFile failingKeyRuns,
    Long maxDeletes,
    Double maxDeleteShare,
    Double maxShrinkShare,
    Double maxMappingUpdateShare,
    WebhookFile webhook,
    EmailFile email) {

  /**
   * One check: a number (its warning level), {@code off}, or {@code {warning, critical}} where a
   * level left out keeps its default and {@code off} turns it off ({@code runs} for rowsChange).
   */
  record CheckFile(Double warning, boolean warningGiven, Double critical, boolean criticalGiven, Integer runs) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CheckFile of(JsonNode node) {
      if (!node.isObject()) {
        return new CheckFile(level(node), true, null, true, null);
      }
      return new CheckFile(level(node.get("warning")), node.has("warning"), level(node.get("critical")),
          node.has("critical"), node.has("runs") ? node.get("runs").asInt() : null);
    }

    private static Double level(JsonNode node) {
      return node != null && node.isNumber() ? node.doubleValue() : null; // off, false, null: off
    }

    Threshold threshold(Check check) {
      Threshold defaults = check.defaultThreshold();
      return Threshold.of(warningGiven ? warning : defaults.warning(), criticalGiven ? critical : defaults.critical());
    }
  }

  record WebhookFile(String url, String urlEnv, String urlFile, Integer timeoutSeconds, Integer attempts) {
    WebhookSettings toSettings() {
      SecretRef secret = urlEnv != null ? SecretRef.fromEnv(urlEnv) : urlFile != null ? SecretRef.fromFile(urlFile) : null;
      return WebhookSettings.of(url, secret,
          timeoutSeconds != null ? timeoutSeconds : WebhookSettings.DEFAULT_TIMEOUT_SECONDS,
          attempts != null ? attempts : WebhookSettings.DEFAULT_ATTEMPTS);
    }
  }

  record EmailFile(String host, Integer port, EmailSettings.Security security, String from, List<String> to,
      String user, String passwordEnv, String passwordFile, Integer timeoutSeconds) {
    EmailSettings toSettings() {
      SecretRef password = passwordEnv != null ? SecretRef.fromEnv(passwordEnv)
          : passwordFile != null ? SecretRef.fromFile(passwordFile) : null;
      return EmailSettings.of(host, port != null ? port : EmailSettings.DEFAULT_PORT,
          security != null ? security : EmailSettings.Security.STARTTLS, from, to, user, password,
          timeoutSeconds != null ? timeoutSeconds : EmailSettings.DEFAULT_TIMEOUT_SECONDS);
    }
  }

  /** The checks given, by {@link Check}. */
  Map<Check, CheckFile> checks() {
    Map<Check, CheckFile> checks = new EnumMap<>(Check.class);
    CheckFile[] given = {rejectedRows, rejectedShare, failedRows, duplicateKeys, deletes, durationMinutes,
        rowsChange, failingKeyRuns};
    Check[] order = {Check.REJECTED_ROWS, Check.REJECTED_SHARE, Check.FAILED_ROWS, Check.DUPLICATE_KEYS,
        Check.DELETES, Check.DURATION_MINUTES, Check.ROWS_CHANGE, Check.FAILING_KEY_RUNS};
    for (int i = 0; i < order.length; i++) {
      if (given[i] != null) {
        checks.put(order[i], given[i]);
      }
    }
    return checks;
  }

  WarningsSection toSection() {
    Map<Check, Threshold> thresholds = new EnumMap<>(Check.class);
    checks().forEach((check, file) -> thresholds.put(check, file.threshold(check)));
    int averageRuns = rowsChange != null && rowsChange.runs() != null
        ? rowsChange.runs() : WarningSettings.DEFAULT_AVERAGE_RUNS;
    GuardThresholds defaults = GuardThresholds.defaults();
    GuardThresholds guards = GuardThresholds.of(
        maxDeletes != null ? maxDeletes : defaults.maxDeletes(),
        maxDeleteShare != null ? maxDeleteShare : defaults.maxDeleteShare(),
        maxShrinkShare != null ? maxShrinkShare : defaults.maxShrinkShare(),
        maxMappingUpdateShare != null ? maxMappingUpdateShare : defaults.maxMappingUpdateShare());
    return WarningsSection.of(WarningSettings.of(thresholds, averageRuns),
        AlertSettings.of(webhook == null ? null : webhook.toSettings(), email == null ? null : email.toSettings()),
        guards);
  }

  /** A critical level below the warning level, per check. */
  List<ConfigProblem> problems() {
    List<ConfigProblem> problems = new ArrayList<>();
    checks().forEach((check, file) -> {
      Threshold levels = file.threshold(check);
      if (levels.warning() != null && levels.critical() != null && levels.critical() < levels.warning()) {
        problems.add(ConfigProblem.of("warnings." + check.key(),
            "critical (" + levels.critical() + ") is below warning (" + levels.warning() + ")"));
      }
    });
    return problems;
  }
}
