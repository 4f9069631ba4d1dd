package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of one of the config's schema documents, able to follow {@code $ref} (inside its document,
 * or to another document of the same folder, e.g. {@code runner.schema.json}). Pure navigation,
 * used to coerce command-line text and to read annotations; validation itself is the library's.
 */
final class SchemaNode {
  private static final String[] APPLICATORS = {"allOf", "oneOf", "anyOf"};

  private final Map<String, JsonNode> documents;
  private final String document;
  private final JsonNode node;

  SchemaNode(Map<String, JsonNode> documents, String document, JsonNode node) {
    this.documents = documents;
    this.document = document;
    this.node = node;
  }

  JsonNode node() {
    return node;
  }

  /** The node at {@code pointer} (a JSON pointer, "" for the root) of {@code document}. */
  SchemaNode at(String document, String pointer) {
    JsonNode root = documents.get(document);
    return new SchemaNode(documents, document, root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.at(pointer));
  }

  /** The target of this node's {@code $ref}, or null. */
  SchemaNode ref() {
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return null;
    }
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    return at(file.isEmpty() ? document : file, pointer);
  }

  /**
   * This node and every subschema that may apply to the same value: its {@code $ref} target, the
   * items of {@code allOf}/{@code oneOf}/{@code anyOf}, and {@code if}/{@code then}/{@code else},
   * recursively (the node itself first).
   */
  List<SchemaNode> branches() {
    List<SchemaNode> out = new ArrayList<>();
    collect(out, 0);
    return out;
  }

  private void collect(List<SchemaNode> out, int depth) {
    if (!node.isObject() || depth > 12) {
      return;
    }
    out.add(this);
    SchemaNode target = ref();
    if (target != null) {
      target.collect(out, depth + 1);
    }
    for (String applicator : APPLICATORS) {
      for (JsonNode item : node.path(applicator)) {
        new SchemaNode(documents, document, item).collect(out, depth + 1);
      }
    }
    for (String conditional : new String[] {"then", "else", "if"}) {
      if (node.has(conditional)) {
        new SchemaNode(documents, document, node.get(conditional)).collect(out, depth + 1);
      }
    }
  }

  /** The schema of the value at {@code key} of an object this node describes, or null. */
  SchemaNode property(String key) {
    List<SchemaNode> branches = branches();
    for (SchemaNode branch : branches) {
      JsonNode property = branch.node.path("properties").get(key);
      if (property != null) {
        return new SchemaNode(documents, branch.document, property);
      }
    }
    for (SchemaNode branch : branches) {
      JsonNode additional = branch.node.get("additionalProperties");
      if (additional != null && additional.isObject()) {
        return new SchemaNode(documents, branch.document, additional);
      }
    }
    return null;
  }

  /** The schema of the items of a list this node describes, or null. */
  SchemaNode items() {
    for (SchemaNode branch : branches()) {
      if (branch.node.path("items").isObject()) {
        return new SchemaNode(documents, branch.document, branch.node.get("items"));
      }
    }
    return null;
  }

  /** The first value of annotation {@code name} on this node or its {@code $ref} targets, or null. */
  JsonNode annotation(String name) {
    for (SchemaNode at = this; at != null; at = at.ref()) {
      if (at.node.has(name)) {
        return at.node.get(name);
      }
    }
    return null;
  }

  /**
   * The JSON types this node allows, from {@code type} in all branches, and {@code enum:TYPE} for
   * the types of its {@code enum} values.
   */
  List<String> types() {
    List<String> types = new ArrayList<>();
    for (SchemaNode branch : branches()) {
      JsonNode type = branch.node.get("type");
      if (type != null && type.isTextual()) {
        types.add(type.asText());
      }
      if (type != null && type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      }
      for (JsonNode value : branch.node.path("enum")) {
        types.add("enum:" + (value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isNumber() ? "number" : "null"));
      }
    }
    return types;
  }

  /** The textual {@code enum} values of this node's branches. */
  List<String> textEnum() {
    List<String> values = new ArrayList<>();
    for (SchemaNode branch : branches()) {
      branch.node.path("enum").forEach(v -> {
        if (v.isTextual()) {
          values.add(v.asText());
        }
      });
    }
    return values;
  }
}
