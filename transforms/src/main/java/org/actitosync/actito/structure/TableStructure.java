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

  public static TableStructure fromJson(JsonNode n) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (JsonNode a : n.path("attributes")) {
      attributes.add(AttributeDefinition.fromJson(a));
    }
    JsonNode pk = n.get("primaryKeyAttribute");
    return of(n.path("id").asText(), n.path("name").asText(),
        pk == null || pk.isNull() ? Optional.empty() : Optional.of(pk.asText()), attributes);
  }
}
