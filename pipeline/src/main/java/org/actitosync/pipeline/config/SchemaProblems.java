package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the schema library's messages into {@link ConfigProblem}s: the project's dotted path
 * ({@code mapping[2].attribute}) and a human message: the schema's {@code x-message} where it has
 * one, else one written here per keyword (an unknown key lists the keys expected, an enum the values
 * expected, "exactly one of" names the keys). Problems come in file order, without repeats.
 * Never echoes a value the schema refuses as an inline secret.
 */
final class SchemaProblems {
  private SchemaProblems() {}

  static List<ConfigProblem> translate(Collection<ValidationMessage> messages, JsonNode tree, ConfigSchema schema) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (ValidationMessage message : withoutAlternatives(messages, schema)) {
      problems.add(translate(message, schema));
    }
    return FileOrder.sort(problems, tree);
  }

  /**
   * One problem per failed {@code oneOf}: for "exactly one of these keys", the oneOf's own message
   * (not one "missing" per key); for alternative forms, the forms' messages (not the oneOf's).
   */
  private static List<ValidationMessage> withoutAlternatives(Collection<ValidationMessage> messages,
      ConfigSchema schema) {
    List<String> keysOnly = new ArrayList<>();
    List<String> forms = new ArrayList<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("oneOf")) {
        String at = ConfigSchema.pointer(m.getEvaluationPath()) + "/";
        (requiredOnly(schema.at(m.getSchemaLocation()).node()) ? keysOnly : forms).add(at);
      }
    }
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String at = ConfigSchema.pointer(m.getEvaluationPath());
      boolean underKeysOnly = keysOnly.stream().anyMatch(at::startsWith);
      boolean formsItself = m.getType().equals("oneOf") && forms.contains(at + "/");
      if (!underKeysOnly && !formsItself) {
        kept.add(m);
      }
    }
    return kept;
  }

  private static boolean requiredOnly(JsonNode oneOf) {
    for (JsonNode branch : oneOf) {
      if (branch.size() != 1 || branch.path("required").size() != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON pointers of the values the schema refused (wrong type, value or form), to leave out
   * of the binding; problems about an object's keys (required, unknown, exactly one of) refuse no
   * value.
   */
  static List<String> refusedValues(Collection<ValidationMessage> messages) {
    List<String> pointers = new ArrayList<>();
    for (ValidationMessage m : messages) {
      boolean keys = List.of("required", "dependentRequired", "additionalProperties", "oneOf").contains(m.getType())
          || (m.getType().equals("not") && m.getInstanceNode() != null && m.getInstanceNode().isObject());
      if (!keys && m.getInstanceLocation().getNameCount() > 0) {
        pointers.add(ConfigSchema.pointer(m.getInstanceLocation()));
      }
    }
    return pointers;
  }

  private static ConfigProblem translate(ValidationMessage m, ConfigSchema schema) {
    String path = path(m.getInstanceLocation());
    SchemaNode keyword = schema.at(m.getSchemaLocation());
    SchemaNode owner = owner(m, schema);
    JsonNode value = m.getInstanceNode();
    String custom = customMessage(m, owner, schema);
    switch (m.getType()) {
      case "required":
        return ConfigProblem.of(join(path, m.getProperty()), custom != null ? custom : "missing required value");
      case "dependentRequired":
        return ConfigProblem.of(join(path, String.valueOf(m.getArguments()[0])),
            "missing required value: needed with " + m.getProperty());
      case "additionalProperties":
        return ConfigProblem.of(join(path, m.getProperty()),
            "unknown key; expected one of: " + String.join(", ", knownKeys(owner.node())));
      case "type":
        return ConfigProblem.of(path, "expected " + typeName(String.valueOf(m.getArguments()[1])) + ", got " + describe(value));
      case "oneOf":
        return ConfigProblem.of(path, custom != null ? custom : exactlyOne(keyword.node(), owner.node(), value));
      case "not":
        return ConfigProblem.of(path, custom != null ? custom : notBoth(keyword.node()));
      default:
        break;
    }
    if (custom != null) {
      return ConfigProblem.of(path, custom.contains("{value}") ? custom.replace("{value}", describe(value)) : custom);
    }
    JsonNode bound = keyword.node();
    switch (m.getType()) {
      case "enum":
        List<String> names = new ArrayList<>();
        bound.forEach(v -> names.add(v.asText()));
        return ConfigProblem.of(path, "unknown " + lastName(path) + " " + describe(value) + "; expected one of: "
            + String.join(", ", names));
      case "minimum":
        return ConfigProblem.of(path, "must be at least " + bound.asText() + ", not " + describe(value));
      case "exclusiveMinimum":
        return ConfigProblem.of(path, "must be above " + bound.asText() + ", not " + describe(value));
      case "maximum":
        return ConfigProblem.of(path, "must be at most " + bound.asText() + ", not " + describe(value));
      case "minItems":
      case "minLength":
        return ConfigProblem.of(path, "must not be empty");
      case "pattern":
        String what = owner.node().path("description").asText("text matching " + bound.asText());
        return ConfigProblem.of(path, "invalid value " + describe(value) + ": expected " + lower(what));
      default:
        String text = m.getMessage();
        return ConfigProblem.of(path, text.substring(text.indexOf(':') + 1).trim());
    }
  }

  /** The schema object holding the failing keyword. */
  private static SchemaNode owner(ValidationMessage m, ConfigSchema schema) {
    JsonNodePath fragment = m.getSchemaLocation().getFragment();
    String pointer = ConfigSchema.pointer(fragment);
    String parent = fragment.getNameCount() == 0 ? "" : pointer.substring(0, pointer.lastIndexOf('/'));
    SchemaNode keyword = schema.at(m.getSchemaLocation());
    return keyword.at(document(m), parent);
  }

  private static String document(ValidationMessage m) {
    String iri = String.valueOf(m.getSchemaLocation().getAbsoluteIri());
    return iri.substring(iri.lastIndexOf('/') + 1);
  }

  /**
   * The {@code x-message} of the keyword's schema object, else of the property that refers to it
   * (e.g. {@code password: {$ref: "#/$defs/inline", x-message: ...}}). Never for type errors: a
   * value of the wrong type gets the generic message.
   */
  private static String customMessage(ValidationMessage m, SchemaNode owner, ConfigSchema schema) {
    if (m.getType().equals("type") || m.getType().equals("additionalProperties")) {
      return null;
    }
    JsonNode own = owner.node().get("x-message");
    if (own != null) {
      return own.asText();
    }
    String evaluation = ConfigSchema.pointer(m.getEvaluationPath());
    String property = evaluation.substring(0, Math.max(0, evaluation.lastIndexOf('/')));
    if (property.endsWith("/$ref")) {
      property = property.substring(0, property.length() - "/$ref".length());
    }
    if (property.contains("$ref")) {
      return null; // inside another document: its own x-message (above) or none
    }
    JsonNode referring = schema.root().at(ConfigSchema.ACTIVATION, property).node().get("x-message");
    return referring == null ? null : referring.asText();
  }

  /** {@code oneOf: [{required: [a]}, {required: [b]}]}: which of the keys to give. */
  private static String exactlyOne(JsonNode oneOf, JsonNode owner, JsonNode value) {
    List<String> keys = new ArrayList<>();
    for (JsonNode branch : oneOf) {
      if (branch.size() != 1 || branch.path("required").size() != 1) {
        return "invalid value " + describe(value) + ": expected "
            + lower(owner.path("description").asText("one of the allowed forms"));
      }
      keys.add(branch.get("required").get(0).asText());
    }
    List<String> given = keys.stream().filter(value::has).collect(Collectors.toList());
    String alternatives = keys.size() == 2 ? keys.get(0) + " or " + keys.get(1) : "one of " + String.join(", ", keys);
    if (given.isEmpty()) {
      return "missing required value: give " + alternatives;
    }
    return "give " + alternatives + ", not " + (given.size() == 2 && keys.size() == 2 ? "both" : String.join(" and ", given));
  }

  /** {@code not: {required: [a, b]}}. */
  private static String notBoth(JsonNode not) {
    JsonNode required = not.path("required");
    if (not.size() == 1 && required.size() == 2) {
      return "give " + required.get(0).asText() + " or " + required.get(1).asText() + ", not both";
    }
    return "not allowed here";
  }

  /** The keys an object schema declares, but not the refused ones (inline secrets). */
  private static List<String> knownKeys(JsonNode objectSchema) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = objectSchema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().path("$ref").asText().endsWith("/inline")) {
        keys.add(entry.getKey());
      }
    }
    return keys;
  }

  private static String typeName(String expected) {
    if (expected.contains("integer")) {
      return "a whole number";
    }
    if (expected.contains("number")) {
      return "a number";
    }
    if (expected.contains("boolean")) {
      return "true or false (or on/off)";
    }
    if (expected.contains("object")) {
      return "a mapping (key: value)";
    }
    if (expected.contains("array")) {
      return "a list";
    }
    return "text";
  }

  /** A value as messages show it: text quoted, numbers plain, containers by kind. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isTextual() ? "'" + node.asText() + "'" : node.asText();
  }

  /** {@code /mapping/2/attribute} → {@code mapping[2].attribute}. */
  static String path(JsonNodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer) {
        path.append('[').append(element).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    return path.toString();
  }

  static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  private static String lastName(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return last.contains("[") ? last.substring(0, last.indexOf('[')) : last;
  }

  private static String lower(String text) {
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    // "Where ..." → "where ...", "A path" → "a path", but "FLINK or ..." stays
    boolean word = trimmed.length() > 1 && (Character.isLowerCase(trimmed.charAt(1)) || trimmed.charAt(1) == ' ');
    return word ? Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1) : trimmed;
  }
}
