package org.actitosync.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.actitosync.change.ChangeKind;
import org.actitosync.pipeline.alert.AlertMessage;
import org.actitosync.pipeline.alert.ChannelResult;
import org.actitosync.pipeline.warning.Level;
import org.actitosync.pipeline.warning.RunWarning;
import org.actitosync.pipeline.warning.WarningRules;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The run report: {@code runs/<runId>/report.json} and the summary table printed at the end of a
 * run. Counts per classification and per outcome, API calls by kind and status, 429s, retries,
 * throttled time, the write strategy and why, durations per stage, preflight notes and warnings.
 * It never contains a secret: nothing in it comes from the target's credentials.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String RULE = "+-------------------+---------------+\n";
  /** The distribution the source-reading step updates once per row. */
  public static final String ROWS_READ_DISTRIBUTION = org.actitosync.pipeline.source.RowMapping.ROWS_READ;
  /** Per stage, the distribution of when its elements passed (the max ends the stage's duration). */
  private static final Map<String, String> STAGE_TIMES = stageTimes();

  private final ObjectNode root;

  private RunReport(ObjectNode root) {
    this.root = root;
  }

  /** Builds the report of a finished run. */
  public static RunReport of(
      String activation,
      String runId,
      @Nullable String baseRunId,
      String mode,
      boolean dryRun,
      RunMetrics metrics,
      @Nullable String strategyJson,
      long startedMillis,
      long finishedMillis,
      List<String> notes) {
    ObjectNode root = JSON.createObjectNode();
    root.put("activation", activation);
    root.put("runId", runId);
    root.put("baseRunId", baseRunId);
    root.put("mode", mode);
    root.put("dryRun", dryRun);
    root.put("exit", "?");
    root.put("warningLevel", Level.NONE.name());
    root.put("rowsRead", metrics.count(ROWS_READ_DISTRIBUTION));
    ObjectNode classified = root.putObject("classified");
    for (ChangeKind kind : ChangeKind.values()) {
      classified.put(kind.name(), metrics.counter("classified_" + kind));
    }
    ObjectNode outcomes = root.putObject("outcomes");
    metrics.withPrefix("outcome.").forEach(outcomes::put);
    ObjectNode totals = root.putObject("outcomeTotals");
    for (String status : new String[] {"APPLIED", "REJECTED", "FAILED", "SKIPPED_MISSING", "SKIPPED_EXISTS"}) {
      long sum = 0;
      for (Map.Entry<String, Long> e : metrics.withPrefix("outcome.").entrySet()) {
        if (e.getKey().endsWith("." + status)) {
          sum += e.getValue();
        }
      }
      totals.put(status, sum);
    }
    ObjectNode api = root.putObject("api");
    ObjectNode calls = api.putObject("calls");
    long totalCalls = 0;
    for (Map.Entry<String, Long> e : metrics.withPrefix("calls.").entrySet()) {
      calls.put(e.getKey(), e.getValue());
      totalCalls += e.getValue();
    }
    api.put("totalCalls", totalCalls);
    api.put("http429", metrics.counter("http429"));
    api.put("retries", metrics.counter("retries"));
    api.put("throttledMillis", metrics.counter("throttledMillis"));
    ObjectNode profiles = api.putObject("profiles");
    metrics.withPrefix("profiles.").forEach(profiles::put);
    if (strategyJson != null) {
      try {
        root.set("strategy", JSON.readTree(strategyJson));
      } catch (IOException e) {
        root.put("strategy", strategyJson);
      }
    }
    ObjectNode durations = root.putObject("durationsMillis");
    durations.put("total", finishedMillis - startedMillis);
    STAGE_TIMES.forEach((stage, distribution) -> {
      long[] span = metrics.span(distribution);
      if (span != null) {
        durations.put(stage, span[1] - startedMillis);
      }
    });
    root.putArray("notes").addAll(JSON.valueToTree(notes).isArray()
        ? (com.fasterxml.jackson.databind.node.ArrayNode) JSON.valueToTree(notes) : JSON.createArrayNode());
    root.putArray("warnings");
    root.putArray("alerts");
    return new RunReport(root);
  }

  private static Map<String, String> stageTimes() {
    Map<String, String> times = new java.util.LinkedHashMap<>();
    times.put("read", ROWS_READ_DISTRIBUTION);
    times.put("classify", org.actitosync.classify.Classify.CHANGES_AT);
    times.put("write", org.actitosync.write.WriterMetrics.WRITTEN_AT);
    return java.util.Collections.unmodifiableMap(times);
  }

  /** This report with the run's exit code (its name, e.g. {@code REJECTED_ROWS}). */
  public RunReport withExit(String exitCode) {
    ObjectNode copy = root.deepCopy();
    copy.put("exit", exitCode);
    return new RunReport(copy);
  }

  /**
   * This report with the run's profile strategy ({@code strategy-profiles.json}: how the referenced
   * profiles were ensured), when the run had the profiles option.
   */
  public RunReport withProfileStrategy(@Nullable String strategyJson) {
    if (strategyJson == null) {
      return this;
    }
    ObjectNode copy = root.deepCopy();
    try {
      copy.set("profileStrategy", JSON.readTree(strategyJson));
    } catch (IOException e) {
      copy.put("profileStrategy", strategyJson);
    }
    return new RunReport(copy);
  }

  /** This report with the run's warnings and their highest level. */
  public RunReport withWarnings(List<RunWarning> warnings) {
    ObjectNode copy = root.deepCopy();
    ArrayNode list = copy.putArray("warnings");
    warnings.forEach(w -> list.add(AlertMessage.warningJson(w)));
    copy.put("warningLevel", WarningRules.level(warnings).name());
    return new RunReport(copy);
  }

  /** This report with what each alert channel did with the run's message. */
  public RunReport withAlerts(List<ChannelResult> results) {
    ObjectNode copy = root.deepCopy();
    ArrayNode list = copy.putArray("alerts");
    for (ChannelResult r : results) {
      ObjectNode node = list.addObject();
      node.put("channel", r.channel());
      node.put("status", r.delivered() ? "SENT" : "FAILED");
      node.put("attempts", r.attempts());
      if (!r.delivered()) {
        node.put("detail", r.detail());
      }
    }
    return new RunReport(copy);
  }

  public long rowsRead() {
    return root.path("rowsRead").asLong();
  }

  /** Counts for an alert message: rows read, per classification and per outcome (non-zero ones). */
  public Map<String, Long> headlineCounts() {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    counts.put("rowsRead", rowsRead());
    root.path("classified").fields().forEachRemaining(e -> {
      if (e.getValue().asLong() > 0) {
        counts.put("classified." + e.getKey(), e.getValue().asLong());
      }
    });
    root.path("outcomeTotals").fields().forEachRemaining(e -> {
      if (e.getValue().asLong() > 0) {
        counts.put("outcome." + e.getKey(), e.getValue().asLong());
      }
    });
    return counts;
  }

  public JsonNode json() {
    return root;
  }

  public byte[] toJsonBytes() {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long classified(ChangeKind kind) {
    return root.path("classified").path(kind.name()).asLong();
  }

  public long outcomes(String status) {
    return root.path("outcomeTotals").path(status).asLong();
  }

  /** The readable summary printed at the end of a run. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nactito-sync %s run %s (%s%s)%n", root.path("activation").asText(),
        root.path("runId").asText(), root.path("mode").asText(), root.path("dryRun").asBoolean() ? ", DRY RUN" : ""));
    sb.append(RULE);
    row(sb, "rows read", Long.toString(rowsRead()));
    row(sb, "classified", "");
    for (ChangeKind kind : ChangeKind.values()) {
      row(sb, "  " + kind.name(), Long.toString(classified(kind)));
    }
    if (!root.path("dryRun").asBoolean()) {
      row(sb, "outcomes", "");
      root.path("outcomeTotals").fields().forEachRemaining(e -> row(sb, "  " + e.getKey(), e.getValue().asText()));
      row(sb, "api calls", root.path("api").path("totalCalls").asText());
      row(sb, "  429s", root.path("api").path("http429").asText());
      row(sb, "  throttled ms", root.path("api").path("throttledMillis").asText());
    }
    JsonNode strategy = root.path("strategy");
    if (!strategy.isMissingNode()) {
      row(sb, "strategy", strategy.path("strategy").asText());
      row(sb, "  est. calls", strategy.path("estimatedCalls").asText());
      row(sb, "  est. seconds", strategy.path("estimatedSeconds").asText());
    }
    row(sb, "duration ms", root.path("durationsMillis").path("total").asText());
    row(sb, "warnings", root.path("warningLevel").asText());
    row(sb, "exit", root.path("exit").asText());
    sb.append(RULE);
    root.path("warnings").forEach(
        w -> sb.append(w.path("level").asText()).append(' ').append(w.path("name").asText()).append(": ")
            .append(w.path("message").asText()).append('\n'));
    root.path("alerts").forEach(
        a -> sb.append("alert: ").append(a.path("channel").asText()).append(": ").append(a.path("status").asText())
            .append(a.has("detail") ? " (" + a.path("detail").asText() + ")" : "").append('\n'));
    if (!strategy.isMissingNode()) {
      sb.append("strategy: ").append(strategy.path("reason").asText()).append('\n');
    }
    root.path("notes").forEach(n -> sb.append("note: ").append(n.asText()).append('\n'));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "| %-17s | %13s |%n", label, value));
  }
}
