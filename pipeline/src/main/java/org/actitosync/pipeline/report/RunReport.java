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
import org.actitosync.change.ChangeKind;
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
      List<String> notes,
      String exitCode) {
    ObjectNode root = JSON.createObjectNode();
    root.put("activation", activation);
    root.put("runId", runId);
    root.put("baseRunId", baseRunId);
    root.put("mode", mode);
    root.put("dryRun", dryRun);
    root.put("exit", exitCode);
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
    for (String stage : new String[] {"read", "classify", "write"}) {
      long[] span = metrics.span("stage." + stage + ".at");
      if (span != null) {
        durations.put(stage, span[1] - startedMillis);
      }
    }
    root.putArray("notes").addAll(JSON.valueToTree(notes).isArray()
        ? (com.fasterxml.jackson.databind.node.ArrayNode) JSON.valueToTree(notes) : JSON.createArrayNode());
    root.putArray("warnings");
    return new RunReport(root);
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
    row(sb, "exit", root.path("exit").asText());
    sb.append(RULE);
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
