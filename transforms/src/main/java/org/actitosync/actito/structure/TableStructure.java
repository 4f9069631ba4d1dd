package org.actitosync.actito.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A custom or profile table's structure: id, name, primary key attribute, attributes. */
@AutoValue
public abstract class TableStructure {
  /** Table id (UUID for custom tables, numeric string for profile tables). */
  public abstract String id();

  public abstract String name();

  /** The custom table's {@code primaryKeyAttribute} (absent for profile tables). */
  public abstract Optional<String> primaryKeyAttribute();

  public abstract List<AttributeDefinition> attributes();

  public Optional<AttributeDefinition> attribute(String name) {
    return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public static TableStructure of(
      String id, String name, Optional<String> primaryKeyAttribute,
      List<AttributeDefinition> attributes) {
    return new AutoValue_TableStructure(id, name, primaryKeyAttribute, List.copyOf(attributes));
  }

  /**
   * Reads Actito's structure answer tolerantly: unknown fields are ignored, an attribute without a
   * name is skipped, and an absent {@code id} or {@code name} falls back to {@code requested}, the
   * id or name the table was just found by (Actito addresses a table by either).
   */
  public static TableStructure fromJson(JsonNode n, String requested) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (JsonNode a : n.path("attributes")) {
      if (a.hasNonNull("name") && !a.get("name").asText().isEmpty()) {
        attributes.add(AttributeDefinition.fromJson(a));
      }
    }
    JsonNode pk = n.get("primaryKeyAttribute");
    return of(text(n, "id", requested), text(n, "name", requested),
        pk == null || pk.isNull() || pk.asText().isEmpty() ? Optional.empty() : Optional.of(pk.asText()),
        attributes);
  }

  private static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? fallback : v.asText();
  }
}
