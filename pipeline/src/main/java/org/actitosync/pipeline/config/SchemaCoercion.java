package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads scalars the way a person writes them, guided by the schema, before validation: text from
 * the command line ({@code "5"}, {@code "on"}, {@code "a@x.org,b@x.org"}) becomes the number,
 * boolean or list the schema expects; an enum value in another letter case ({@code mirror}, {@code
 * CSV}, {@code production-env3}) becomes the schema's spelling; a number where only text is allowed
 * ({@code key: 123}) becomes text; {@code key:} with no value is the key left out (unless the
 * schema allows null there). A value that cannot be read so is left as it is, for the schema to
 * report. Pure: changes only the tree given.
 */
final class SchemaCoercion {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaCoercion() {}

  /** Coerces every value of {@code tree} in place, against the config schema. */
  static void coerce(ObjectNode tree) {
    coerceChildren(tree, ConfigSchema.get().root());
  }

  private static JsonNode coerce(JsonNode value, SchemaNode schema) {
    if (value.isObject()) {
      coerceChildren((ObjectNode) value, schema);
      return value;
    }
    List<String> types = schema.types();
    if (value.isTextual() && types.contains("array") && !types.contains("string")) {
      ArrayNode list = NODES.arrayNode();
      for (String item : value.asText().split(",")) {
        if (!item.isBlank()) {
          list.add(item.trim());
        }
      }
      value = list;
    }
    if (value.isArray()) {
      SchemaNode items = schema.items();
      for (int i = 0; items != null && i < value.size(); i++) {
        ((ArrayNode) value).set(i, coerce(value.get(i), items));
      }
      return value;
    }
    return value.isTextual() ? fromText(value, schema, types) : fromScalar(value, types);
  }

  private static void coerceChildren(ObjectNode object, SchemaNode schema) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      SchemaNode property = schema.property(entry.getKey());
      if (property == null) {
        continue;
      }
      if (entry.getValue().isNull()) {
        List<String> types = property.types();
        if (!types.contains("null") && !types.contains("enum:null")) {
          it.remove(); // "key:" with no value is the key left out
        }
        continue;
      }
      entry.setValue(coerce(entry.getValue(), property));
    }
  }

  private static JsonNode fromText(JsonNode value, SchemaNode schema, List<String> types) {
    String text = value.asText().trim();
    List<String> names = schema.textEnum();
    if (names.contains(text)) {
      return value;
    }
    String wanted = text.replace('-', '_');
    for (String name : names) {
      if (name.equalsIgnoreCase(wanted) || name.equalsIgnoreCase(text)) {
        return NODES.textNode(name);
      }
    }
    if (types.contains("string")) {
      return value;
    }
    if (types.contains("integer") && text.matches("[-+]?[0-9]{1,18}")) {
      return NODES.numberNode(Long.parseLong(text));
    }
    if (types.contains("number") && text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
      BigDecimal number = new BigDecimal(text);
      return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
          ? NODES.numberNode(number.longValueExact()) : NODES.numberNode(number.doubleValue());
    }
    if (types.contains("boolean") || types.contains("enum:boolean")) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "true": case "on": case "yes":
          return NODES.booleanNode(true);
        case "false": case "off": case "no":
          return NODES.booleanNode(false);
        default:
          break;
      }
    }
    return value;
  }

  private static JsonNode fromScalar(JsonNode value, List<String> types) {
    boolean textOnly = types.contains("string") && !types.contains("number") && !types.contains("integer")
        && !types.contains("boolean");
    if (textOnly && (value.isNumber() || value.isBoolean())) {
      return NODES.textNode(value.asText());
    }
    return value;
  }
}
