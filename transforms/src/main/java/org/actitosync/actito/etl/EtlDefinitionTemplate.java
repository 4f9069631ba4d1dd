package org.actitosync.actito.etl;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actitosync.actito.http.Json;

/**
 * The definition JSON of a one-shot ETL execution, built from a template. Actito does not publish
 * the definition's field names in a form we could read, so the shape is inferred; the default
 * ships in the jar ({@value #RESOURCE}) and a user replaces it ({@code
 * write.bulk.definitionTemplate}). Placeholders: {@code ${table}}, {@code ${mode}}, {@code
 * ${fileName}}, {@code ${separator}}, {@code ${encoding}}, {@code ${compression}} (JSON-escaped,
 * written inside the template's quotes), {@code ${mapping}} and {@code ${reportRecipients}} (raw
 * JSON arrays). {@link #of} guarantees the template has the required placeholders ({@value
 * #REQUIRED_TEXT}), no unknown one, and renders to a JSON object.
 */
@AutoValue
public abstract class EtlDefinitionTemplate implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String RESOURCE = "/org/actitosync/actito/etl/etl-definition-template.json";
  static final String REQUIRED_TEXT = "table, mode, mapping, fileName";
  static final Set<String> REQUIRED = Set.of("table", "mode", "mapping", "fileName");
  static final Set<String> RAW = Set.of("mapping", "reportRecipients");
  static final Set<String> ALL = Set.of("table", "tableType", "mode", "mapping", "fileName",
      "separator", "encoding", "compression", "reportRecipients");
  /** The table type of a custom table's executions ({@code ${tableType}}). */
  public static final String CUSTOM_TABLE = "CUSTOM_TABLE";
  /** The table type of a profile table's executions ({@code ${tableType}}). */
  public static final String PROFILE_TABLE = "PROFILE_TABLE";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)\\}");

  /** The template text. */
  public abstract String text();

  /** The template shipped in the jar. */
  public static EtlDefinitionTemplate defaults() {
    return of(EtlContract.resource(RESOURCE));
  }

  /**
   * A checked template.
   *
   * @throws IllegalArgumentException saying what is wrong (missing or unknown placeholder, not
   *     valid JSON once rendered with sample values)
   */
  public static EtlDefinitionTemplate of(String text) {
    Set<String> found = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      (ALL.contains(m.group(1)) ? found : unknown).add(m.group(1));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown placeholder(s) " + unknown + "; known: "
          + new TreeSet<>(ALL));
    }
    Set<String> missing = new TreeSet<>(REQUIRED);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing required placeholder(s) " + missing
          + " (required: " + REQUIRED_TEXT + ")");
    }
    EtlDefinitionTemplate template = new AutoValue_EtlDefinitionTemplate(text);
    String sample = template.render(sampleValues());
    try {
      JsonNode node = Json.MAPPER.reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(sample);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("does not render to a JSON object");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON once rendered: " + e.getOriginalMessage());
    }
    return template;
  }

  /**
   * The values of one execution.
   *
   * @param columns the data file's header, each mapped to the attribute of the same name
   */
  public static Map<String, String> values(String table, String mode, List<String> columns,
      ImportFile file, List<String> reportRecipients) {
    ArrayNode mapping = Json.MAPPER.createArrayNode();
    columns.forEach(c -> mapping.addObject().put("headerColumn", c).put("attributeName", c));
    ArrayNode recipients = Json.MAPPER.createArrayNode();
    reportRecipients.forEach(recipients::add);
    Map<String, String> v = new LinkedHashMap<>();
    v.put("table", table);
    v.put("tableType", CUSTOM_TABLE);
    v.put("mode", mode);
    v.put("mapping", mapping.toString());
    v.put("fileName", file.fileName());
    v.put("separator", String.valueOf(file.format().separator()));
    v.put("encoding", "UTF-8");
    v.put("compression", file.compression().name());
    v.put("reportRecipients", recipients.toString());
    return v;
  }

  /**
   * Whether the template names its table's type with {@code ${tableType}} (the shipped one does):
   * only such a template can write a profile table.
   */
  public boolean namesTableType() {
    return text().contains("${tableType}");
  }

  /** The template with every placeholder replaced (string values JSON-escaped). */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no value for placeholder ${" + name + "}");
      }
      String rendered = RAW.contains(name) ? value
          : new String(JsonStringEncoder.getInstance().quoteAsString(value));
      m.appendReplacement(out, Matcher.quoteReplacement(rendered));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> sampleValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("table", "sample\"table");
    v.put("tableType", CUSTOM_TABLE);
    v.put("mode", "CREATE_UPDATE");
    v.put("mapping", "[{\"headerColumn\":\"id\",\"attributeName\":\"id\"}]");
    v.put("fileName", "data.csv.gz");
    v.put("separator", ";");
    v.put("encoding", "UTF-8");
    v.put("compression", "GZIP");
    v.put("reportRecipients", "[\"ops@example.com\"]");
    return v;
  }
}
