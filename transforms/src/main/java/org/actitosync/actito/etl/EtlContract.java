package org.actitosync.actito.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.actitosync.actito.http.Json;

/**
 * The ONE place holding every name of Actito's v5 ETL API that Actito does not publish in a form
 * we could read (each inferred; docs/emulator-contract.md): multipart part names, where the
 * execution id, status, rows in error and error-report link sit in responses (JSON Pointers), the
 * status vocabularies, the error report's route and message column, and the ETL definition fields
 * preflight reads. The defaults ship in the jar ({@value #RESOURCE}); a user replaces any of them
 * with a JSON file of the same shape ({@code write.bulk.contract}), keys left out keeping their
 * default. Immutable and {@link Serializable}.
 */
@AutoValue
public abstract class EtlContract implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The defaults' resource in the jar. */
  public static final String RESOURCE = "/org/actitosync/actito/etl/etl-contract.json";

  private static final EtlContract DEFAULTS = load();

  /** Part holding the data file in both creation calls (inferred: {@code inputFile}). */
  public abstract String inputFilePart();

  /** Part holding the one-shot definition (inferred: {@code etlDefinition}). */
  public abstract String definitionPart();

  /** File name of the definition part ({@code etl-definition.json}). */
  public abstract String definitionFileName();

  /** Where a creation response holds the execution id, first present wins (string or number). */
  public abstract List<String> executionIdFields();

  /** Where a status response holds the status, first present wins. */
  public abstract List<String> statusFields();

  /** Statuses of an execution still running (any status in no list is also taken as running). */
  public abstract List<String> runningStatuses();

  /** Finished, every row written (documented: SUCCESS). */
  public abstract List<String> successStatuses();

  /** Finished, some rows in error, listed by the error report (documented: WITH_ERROR). */
  public abstract List<String> withErrorStatuses();

  /** Finished, the execution as a whole failed (inferred: ERROR, FAILED, CANCELLED, ABORTED). */
  public abstract List<String> failedStatuses();

  /** Number of data lines in error (JSON Pointer into the status response). */
  public abstract String rowsInErrorField();

  /** Link to the error report in the status response (preferred over the route below). */
  public abstract String errorReportLinkField();

  /** Error report route: the execution's status route plus this suffix. */
  public abstract String errorReportRouteSuffix();

  /** The error report's column holding Actito's message for the line. */
  public abstract String reportMessageColumn();

  /** The target table's name in an ETL definition ({@code GET /etls/{id}}). */
  public abstract String etlTableNameField();

  /** The import mode in an ETL definition. */
  public abstract String etlModeField();

  /** The mode value meaning create-or-update (the only mode the product bulk-writes). */
  public abstract String createOrUpdateMode();

  /** The state an execution status maps to. */
  public EtlState state(String status) {
    String s = status == null ? "" : status.toUpperCase(Locale.ROOT);
    if (contains(successStatuses(), s)) {
      return EtlState.SUCCESS;
    }
    if (contains(withErrorStatuses(), s)) {
      return EtlState.WITH_ERROR;
    }
    if (contains(failedStatuses(), s)) {
      return EtlState.FAILED;
    }
    return EtlState.RUNNING;
  }

  /** True when {@code status} is a known running status (an unknown one is running too). */
  public boolean isKnownRunning(String status) {
    return status != null && contains(runningStatuses(), status.toUpperCase(Locale.ROOT));
  }

  private static boolean contains(List<String> values, String upper) {
    for (String v : values) {
      if (v.toUpperCase(Locale.ROOT).equals(upper)) {
        return true;
      }
    }
    return false;
  }

  /** The first of {@code fields} (JSON Pointers) present and not null in {@code node}, as text. */
  public static String firstText(JsonNode node, List<String> fields) {
    for (String field : fields) {
      JsonNode value = node.at(field);
      if (!value.isMissingNode() && !value.isNull() && !value.asText().isEmpty()) {
        return value.asText();
      }
    }
    return null;
  }

  /** The contract shipped in the jar. */
  public static EtlContract defaults() {
    return DEFAULTS;
  }

  /**
   * {@code json} over {@code base}: each key given replaces the base's value.
   *
   * @throws IllegalArgumentException naming the problem (not JSON, unknown key, wrong type)
   */
  public static EtlContract fromJson(String json, EtlContract base) {
    Map<String, Object> values = base.asMap();
    overlay(json, values, true);
    return fromMap(values);
  }

  /** Puts {@code json}'s keys into {@code values}; {@code strict}: only keys already there. */
  private static void overlay(String json, Map<String, Object> values, boolean strict) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("_")) {
        continue;
      }
      if (strict && !values.containsKey(key)) {
        unknown.add(key);
      } else if (values.get(key) instanceof List || !strict && value.isArray()) {
        values.put(key, strings(key, value));
      } else if (value.isTextual() && !value.asText().isEmpty()) {
        values.put(key, value.asText());
      } else {
        throw new IllegalArgumentException(key + ": expected a non-empty string");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown key(s) " + unknown + "; known: " + values.keySet());
    }
  }

  private static List<String> strings(String key, JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException(key + ": expected a non-empty list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || item.asText().isEmpty()) {
        throw new IllegalArgumentException(key + ": expected a non-empty list of strings");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  private Map<String, Object> asMap() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("inputFilePart", inputFilePart());
    m.put("definitionPart", definitionPart());
    m.put("definitionFileName", definitionFileName());
    m.put("executionIdFields", executionIdFields());
    m.put("statusFields", statusFields());
    m.put("runningStatuses", runningStatuses());
    m.put("successStatuses", successStatuses());
    m.put("withErrorStatuses", withErrorStatuses());
    m.put("failedStatuses", failedStatuses());
    m.put("rowsInErrorField", rowsInErrorField());
    m.put("errorReportLinkField", errorReportLinkField());
    m.put("errorReportRouteSuffix", errorReportRouteSuffix());
    m.put("reportMessageColumn", reportMessageColumn());
    m.put("etlTableNameField", etlTableNameField());
    m.put("etlModeField", etlModeField());
    m.put("createOrUpdateMode", createOrUpdateMode());
    return m;
  }

  @SuppressWarnings("unchecked")
  private static EtlContract fromMap(Map<String, Object> m) {
    return new AutoValue_EtlContract(
        (String) m.get("inputFilePart"),
        (String) m.get("definitionPart"),
        (String) m.get("definitionFileName"),
        (List<String>) m.get("executionIdFields"),
        (List<String>) m.get("statusFields"),
        (List<String>) m.get("runningStatuses"),
        (List<String>) m.get("successStatuses"),
        (List<String>) m.get("withErrorStatuses"),
        (List<String>) m.get("failedStatuses"),
        (String) m.get("rowsInErrorField"),
        (String) m.get("errorReportLinkField"),
        (String) m.get("errorReportRouteSuffix"),
        (String) m.get("reportMessageColumn"),
        (String) m.get("etlTableNameField"),
        (String) m.get("etlModeField"),
        (String) m.get("createOrUpdateMode"));
  }

  private static EtlContract load() {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    overlay(resource(RESOURCE), values, false);
    return fromMap(values);
  }

  /** A UTF-8 resource of this jar. */
  static String resource(String name) {
    try (InputStream in = EtlContract.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
