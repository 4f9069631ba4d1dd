package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one declarative model of the activation config: {@code activation.schema.json} (JSON Schema
 * draft 2020-12, with {@code runner.schema.json} for the {@code runner} section, shared with the
 * Airflow DAG factory), loaded from the classpath. It gives the structure, types, enums, limits and
 * required keys of every setting; the command-line options and {@code --help} are derived from it.
 *
 * <p>Guarantees: {@link #messages(JsonNode)} reports every schema violation of a tree at once (no
 * fail-fast); {@link #options()} has exactly one option per leaf setting of the schema, in schema
 * order; the schema files are read once, at class initialisation.
 */
public final class ConfigSchema {
  /** The schemas' {@code $id} prefix, mapped to their classpath folder. */
  static final String BASE_IRI = "https://actito-sync.org/schema/";
  static final String FOLDER = "org/actitosync/pipeline/config/";
  static final String ACTIVATION = "activation.schema.json";
  static final String RUNNER = "runner.schema.json";
  /** Our annotations: the library ignores them, the loader and the messages read them. */
  static final List<String> ANNOTATIONS =
      List.of("x-label", "x-message", "x-default", "x-option");

  private static final ConfigSchema INSTANCE = new ConfigSchema();

  private final Map<String, JsonNode> documents = new LinkedHashMap<>();
  private final JsonSchema validator;
  private final List<ConfigOption> options;

  private ConfigSchema() {
    documents.put(ACTIVATION, readResource(ACTIVATION));
    documents.put(RUNNER, readResource(RUNNER));
    JsonMetaSchema base = JsonMetaSchema.getV202012();
    List<NonValidationKeyword> keywords = new ArrayList<>();
    ANNOTATIONS.forEach(name -> keywords.add(new NonValidationKeyword(name)));
    JsonMetaSchema meta = JsonMetaSchema.builder(base.getIri(), base).keywords(keywords).build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        builder -> builder.metaSchema(meta)
            .schemaMappers(mappers -> mappers.mapPrefix(BASE_IRI, "classpath:" + FOLDER)));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    validator = factory.getSchema(SchemaLocation.of(BASE_IRI + ACTIVATION), config);
    validator.initializeValidators();
    List<ConfigOption> found = new ArrayList<>();
    collectOptions(root(), "", found);
    options = List.copyOf(found);
  }

  static ConfigSchema get() {
    return INSTANCE;
  }

  /** The config's sections, in schema order ({@code name}, {@code source}, … {@code runner}). */
  public static List<String> topLevelKeys() {
    List<String> keys = new ArrayList<>();
    INSTANCE.documents.get(ACTIVATION).path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** One command-line option per leaf setting of the schema, in schema order. */
  public static List<ConfigOption> options() {
    return INSTANCE.options;
  }

  /** The schema's root ({@code activation.schema.json}). */
  SchemaNode root() {
    return new SchemaNode(documents, ACTIVATION, documents.get(ACTIVATION));
  }

  /**
   * Every schema violation of {@code tree}, as the library reports it ({@link SchemaProblems}
   * translates them).
   */
  java.util.Set<com.networknt.schema.ValidationMessage> messages(JsonNode tree) {
    return validator.validate(tree);
  }

  /** The schema node at a library {@link SchemaLocation} (document and JSON pointer). */
  SchemaNode at(SchemaLocation location) {
    String iri = String.valueOf(location.getAbsoluteIri());
    String document = iri.substring(iri.lastIndexOf('/') + 1);
    return root().at(document, pointer(location.getFragment()));
  }

  static String pointer(com.networknt.schema.JsonNodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  private void collectOptions(SchemaNode section, String prefix, List<ConfigOption> out) {
    JsonNode properties = section.node().path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = prefix + entry.getKey();
      SchemaNode setting = section.property(entry.getKey());
      String shape = text(setting.annotation("x-option"), "value");
      if (shape.equals("none") || !setting.node().has("description")) {
        continue; // no override (runner), or not a setting (an inline secret's refusal)
      }
      if (shape.equals("value") && setting.ref() == null && setting.node().has("properties")) {
        collectOptions(setting, path + ".", out);
        continue;
      }
      String defaultText = text(setting.annotation("x-default"),
          setting.annotation("default") == null ? "none" : setting.annotation("default").asText());
      out.add(ConfigOption.of(path, text(setting.annotation("x-label"), "VALUE"), shapeOf(shape), defaultText,
          setting.node().get("description").asText()));
    }
  }

  private static ConfigOption.Shape shapeOf(String shape) {
    switch (shape) {
      case "mapping":
        return ConfigOption.Shape.MAPPING;
      case "map":
        return ConfigOption.Shape.PROFILE_ATTRIBUTES;
      case "merged":
        return ConfigOption.Shape.MERGED_MAP;
      default:
        return ConfigOption.Shape.VALUE;
    }
  }

  private static String text(JsonNode node, String fallback) {
    return node == null ? fallback : node.asText();
  }

  private static JsonNode readResource(String name) {
    try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("schema " + FOLDER + name + " is not on the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + name, e);
    }
  }
}
