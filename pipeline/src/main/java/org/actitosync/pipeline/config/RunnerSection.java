package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the config's {@code runner} section: where a scheduler (the Airflow DAG factory in {@code
 * scripts/airflow/}) runs the activation. The launcher itself ignores the section at run time (the
 * runner is the jar that was started), so it is validated but not kept in {@link ActivationConfig},
 * and it has no command-line override ({@code --runner} stays Beam's option).
 *
 * <pre>
 * runner:
 *   type: FLINK                        # FLINK (default) or DATAFLOW
 *   flinkMaster: "[local]"             # FLINK: [local] (embedded), [auto] or host:port
 *   parallelism: 2                     # FLINK: optional
 *   secrets:                           # FLINK: where the scheduler finds each *Env variable
 *     ACTITO_API_KEY: {variable: actito_api_key}
 *     DWH_PASSWORD: {connection: dwh}  # the connection's password
 *
 * runner:
 *   type: DATAFLOW
 *   project: my-project
 *   region: europe-west1
 *   templatePath: gs://bucket/templates/actito-sync.json   # scripts/dataflow/build-template.sh
 *   configPath: gs://bucket/activations/orders.yaml        # this file, where the job reads it
 *   tempLocation: gs://bucket/tmp                          # optional
 *   serviceAccount: sync@my-project.iam.gserviceaccount.com  # optional
 *   apiKeySecret: projects/P/secrets/S/versions/V          # Secret Manager reference, not a value
 *   jdbcPasswordSecret: projects/P/secrets/S/versions/V    # optional
 * </pre>
 */
final class RunnerSection {
  static final List<String> FLINK_KEYS = List.of("type", "flinkMaster", "parallelism", "secrets");
  static final List<String> DATAFLOW_KEYS =
      List.of(
          "type", "project", "region", "templatePath", "configPath", "tempLocation",
          "serviceAccount", "apiKeySecret", "jdbcPasswordSecret");

  private static final Pattern FLINK_MASTER = Pattern.compile("\\[(local|auto)\\]|[A-Za-z0-9.-]+:[0-9]{1,5}");
  private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SECRET_VERSION =
      Pattern.compile("projects/[^/\\s]+/secrets/[^/\\s]+/versions/(latest|[0-9]+)");

  private final List<ConfigProblem> problems = new ArrayList<>();

  private RunnerSection() {}

  /** Every problem of {@code root}'s {@code runner} section (none when it is absent). */
  static List<ConfigProblem> problems(ObjectNode root) {
    RunnerSection section = new RunnerSection();
    JsonNode node = root.get("runner");
    if (node != null && !node.isNull()) {
      if (node.isObject()) {
        section.check((ObjectNode) node, root);
      } else {
        section.problem("runner", "expected a mapping (key: value), got " + ConfigParser.describe(node));
      }
    }
    return section.problems;
  }

  private void check(ObjectNode runner, ObjectNode root) {
    String type = text(runner, "type");
    if (type == null) {
      type = "FLINK";
    }
    switch (type.toUpperCase(Locale.ROOT)) {
      case "FLINK":
        keys(runner, FLINK_KEYS, "FLINK");
        flink(runner, root);
        break;
      case "DATAFLOW":
        keys(runner, DATAFLOW_KEYS, "DATAFLOW");
        dataflow(runner, root);
        break;
      default:
        problem("runner.type", "unknown runner type '" + type + "'; expected one of: FLINK, DATAFLOW");
    }
  }

  private void flink(ObjectNode runner, ObjectNode root) {
    String master = text(runner, "flinkMaster");
    if (master != null && !FLINK_MASTER.matcher(master).matches()) {
      problem("runner.flinkMaster", "expected [local], [auto] or host:port, got '" + master + "'");
    }
    JsonNode parallelism = runner.get("parallelism");
    if (parallelism != null
        && !(parallelism.isIntegralNumber() && parallelism.canConvertToInt() && parallelism.intValue() >= 1)) {
      problem("runner.parallelism", "expected a whole number of at least 1, got " + ConfigParser.describe(parallelism));
    }
    JsonNode secrets = runner.get("secrets");
    if (secrets == null || secrets.isNull()) {
      return;
    }
    if (!secrets.isObject()) {
      problem("runner.secrets", "expected a mapping VARIABLE: {variable: ID} or {connection: ID}, got "
          + ConfigParser.describe(secrets));
      return;
    }
    List<String> read = envVariables(root);
    for (Iterator<Map.Entry<String, JsonNode>> it = secrets.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = "runner.secrets." + entry.getKey();
      if (!read.contains(entry.getKey())) {
        problem(path, "the config reads no such environment variable; expected one of: "
            + (read.isEmpty() ? "(none)" : String.join(", ", read)));
      }
      JsonNode where = entry.getValue();
      boolean variable = where.isObject() && where.size() == 1 && where.hasNonNull("variable");
      boolean connection = where.isObject() && where.size() == 1 && where.hasNonNull("connection");
      if (!variable && !connection) {
        problem(path, "expected {variable: ID} or {connection: ID}, got " + ConfigParser.describe(where));
      } else if (where.elements().next().asText().isBlank() || where.elements().next().isContainerNode()) {
        problem(path, "the Airflow " + (variable ? "variable" : "connection") + " id must be text, not empty");
      }
    }
  }

  private void dataflow(ObjectNode runner, ObjectNode root) {
    required(runner, "project");
    required(runner, "region");
    gcs(runner, "templatePath", true);
    gcs(runner, "configPath", true);
    gcs(runner, "tempLocation", false);
    String account = text(runner, "serviceAccount");
    if (account != null && !account.contains("@")) {
      problem("runner.serviceAccount", "expected a service account e-mail, got '" + account + "'");
    }
    secretVersion(runner, "apiKeySecret");
    secretVersion(runner, "jdbcPasswordSecret");
    // DataflowMain turns apiKeySecret into --target.apiKeyFile (so the file may not name a key
    // itself); an environment variable would not exist on the workers.
    if (text(runner, "apiKeySecret") == null) {
      problem("runner.apiKeySecret", "missing required value: the Secret Manager version holding the Actito API key");
    }
    JsonNode target = root.get("target");
    if (target != null && target.isObject() && target.has("apiKeyEnv")) {
      problem("target.apiKeyEnv", "on DATAFLOW the workers do not have this environment variable:"
          + " remove it, runner.apiKeySecret gives the key");
    }
    JsonNode source = root.get("source");
    JsonNode jdbc = source != null && source.isObject() ? source.get("jdbc") : null;
    if (jdbc != null && jdbc.isObject() && jdbc.has("passwordEnv")) {
      problem("source.jdbc.passwordEnv", "on DATAFLOW the workers do not have this environment variable:"
          + " remove it, runner.jdbcPasswordSecret gives the password");
    }
  }

  /** The environment variables the config reads secrets from. */
  private static List<String> envVariables(ObjectNode root) {
    List<String> names = new ArrayList<>();
    JsonNode target = root.get("target");
    if (target != null && target.isObject() && target.hasNonNull("apiKeyEnv")) {
      names.add(target.get("apiKeyEnv").asText());
    }
    JsonNode source = root.get("source");
    JsonNode jdbc = source != null && source.isObject() ? source.get("jdbc") : null;
    if (jdbc != null && jdbc.isObject() && jdbc.hasNonNull("passwordEnv")) {
      names.add(jdbc.get("passwordEnv").asText());
    }
    names.removeIf(n -> !ENV_VAR.matcher(n).matches());
    return names;
  }

  private void keys(ObjectNode runner, List<String> allowed, String type) {
    for (Iterator<String> it = runner.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problem("runner." + key, "unknown key for type " + type + "; expected one of: " + String.join(", ", allowed));
      }
    }
  }

  private void required(ObjectNode runner, String key) {
    if (text(runner, key) == null) {
      problem("runner." + key, "missing required value");
    }
  }

  private void gcs(ObjectNode runner, String key, boolean required) {
    String value = text(runner, key);
    if (value == null) {
      if (required) {
        problem("runner." + key, "missing required value (a gs:// path)");
      }
    } else if (!value.matches("gs://[^/\\s]+/\\S+")) {
      problem("runner." + key, "expected a gs://bucket/path, got '" + value + "'");
    }
  }

  private void secretVersion(ObjectNode runner, String key) {
    String value = text(runner, key);
    if (value != null && !SECRET_VERSION.matcher(value).matches()) {
      problem("runner." + key, "expected a Secret Manager version projects/P/secrets/S/versions/V"
          + " (V a number or latest), got '" + value + "'");
    }
  }

  /** The text of {@code key}, or null when absent, blank or not a scalar (reported). */
  private String text(ObjectNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      problem("runner." + key, "expected text, got " + ConfigParser.describe(value));
      return null;
    }
    return value.asText().isBlank() ? null : value.asText().trim();
  }

  private void problem(String path, String message) {
    ConfigProblem problem = ConfigProblem.of(path, message);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }
}
