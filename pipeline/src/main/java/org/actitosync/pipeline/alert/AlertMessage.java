package org.actitosync.pipeline.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.value.AutoValue;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.warning.Level;
import org.actitosync.pipeline.warning.RunWarning;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one message a run sends to its channels: the activation, the run id, the level, every
 * warning (or why the run failed), the counts and where the report is. Built only from the run's
 * numbers and messages, so it holds no secret.
 */
@AutoValue
public abstract class AlertMessage {
  private static final ObjectMapper JSON = new ObjectMapper();

  public abstract String activation();

  public abstract String runId();

  public abstract Level level();

  public abstract List<RunWarning> warnings();

  /** Why the run failed (exit code name and reason), or null for a completed run. */
  public abstract @Nullable String failure();

  /** Counts to show, in order (rows read, per classification, per outcome). */
  public abstract Map<String, Long> counts();

  public abstract @Nullable String reportPath();

  public static AlertMessage completed(
      String activation, String runId, Level level, List<RunWarning> warnings, Map<String, Long> counts,
      @Nullable String reportPath) {
    return new AutoValue_AlertMessage(
        activation, runId, level, List.copyOf(warnings), null, Map.copyOf(counts), reportPath);
  }

  public static AlertMessage failed(String activation, String runId, String failure) {
    return new AutoValue_AlertMessage(activation, runId, Level.CRITICAL, List.of(), failure, Map.of(), null);
  }

  /** One line: "[actito-sync] CRITICAL orders-daily run 20261128-...: 2 warnings". */
  public String subject() {
    String what = failure() != null ? "run failed"
        : warnings().size() + (warnings().size() == 1 ? " warning" : " warnings");
    return "[actito-sync] " + level() + " " + activation() + " run " + runId() + ": " + what;
  }

  /** The plain-text body (also the Slack-compatible {@code text} of the webhook). */
  public String text() {
    StringBuilder sb = new StringBuilder(subject()).append('\n');
    if (failure() != null) {
      sb.append(failure()).append('\n');
    }
    for (RunWarning w : warnings()) {
      sb.append("- ").append(w.line()).append('\n');
    }
    if (!counts().isEmpty()) {
      sb.append("counts:");
      new java.util.TreeMap<>(counts()).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
      sb.append('\n');
    }
    if (reportPath() != null) {
      sb.append("report: ").append(reportPath()).append('\n');
    }
    return sb.toString();
  }

  /** The webhook body: {@code text} for Slack and compatible receivers, plus the structured fields. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", text());
    root.put("activation", activation());
    root.put("runId", runId());
    root.put("level", level().name());
    if (failure() != null) {
      root.put("failure", failure());
    }
    ArrayNode warnings = root.putArray("warnings");
    for (RunWarning w : warnings()) {
      warnings.add(warningJson(w));
    }
    ObjectNode counts = root.putObject("counts");
    new java.util.TreeMap<>(counts()).forEach(counts::put);
    root.put("report", reportPath());
    return root;
  }

  /** A warning as the report and the webhook show it. */
  public static ObjectNode warningJson(RunWarning w) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", w.check().key());
    node.put("level", w.level().name());
    node.put("value", w.value());
    node.put("threshold", w.threshold());
    node.put("message", w.message());
    return node;
  }
}
