package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable table structure: the parsed attributes and foreign keys, plus the structure JSON
 * exactly as the structure API serves it (the data file's table object without the emulator-only
 * {@code entity} and {@code records} fields). A change request yields a new {@code TableDef}.
 */
public final class TableDef {
  /** Technical attributes of custom-table rows (documented; ignored on import). */
  public static final Set<String> CUSTOM_TECHNICAL = Set.of("id", "creationMoment", "updateMoment");
  /** Technical attributes of profiles (documented). */
  public static final Set<String> PROFILE_TECHNICAL = Set.of("profileId", "creationMoment", "updateMoment");

  private final TableKind kind;
  private final String entity;
  private final String id;
  private final String name;
  private final String primaryKeyAttribute;
  private final Map<String, AttributeDef> attributes;
  private final List<String> orderedNames;
  private final List<ForeignKeyDef> foreignKeys;
  private final ObjectNode structure;

  private TableDef(TableKind kind, String entity, ObjectNode structure) {
    this.kind = kind;
    this.entity = entity;
    this.structure = structure;
    this.id = text(structure, "id");
    this.name = text(structure, "name");
    if (id == null && name == null) {
      throw new DataFileException("a table needs an id or a name: " + structure);
    }
    Map<String, AttributeDef> attrs = new LinkedHashMap<>();
    JsonNode list = structure.path("attributes");
    if (!list.isArray() || list.isEmpty()) {
      throw new DataFileException("table " + displayName() + " has no attributes");
    }
    for (JsonNode a : list) {
      if (kind == TableKind.PROFILE_TABLE && technical().contains(text(a, "name"))) {
        continue; // listed as in Actito's sample structure; the emulator fills them itself
      }
      AttributeDef def = parseAttribute(kind, a, displayName());
      if (technical().contains(def.name())) {
        throw new DataFileException("table " + displayName() + ": '" + def.name() + "' is a technical attribute");
      }
      if (attrs.put(def.name(), def) != null) {
        throw new DataFileException("table " + displayName() + ": duplicate attribute " + def.name());
      }
    }
    this.attributes = Map.copyOf(attrs);
    this.orderedNames = List.copyOf(attrs.keySet());
    if (kind == TableKind.CUSTOM_TABLE) {
      String pk = text(structure, "primaryKeyAttribute");
      if (pk == null) {
        pk = attrs.values().stream().filter(AttributeDef::unique).map(AttributeDef::name).findFirst()
            .orElseThrow(() -> new DataFileException("custom table " + displayName() + " has no primaryKeyAttribute"));
      }
      if (!attrs.containsKey(pk)) {
        throw new DataFileException("custom table " + displayName() + ": primaryKeyAttribute " + pk + " is not an attribute");
      }
      this.primaryKeyAttribute = pk;
    } else {
      this.primaryKeyAttribute = null;
    }
    List<ForeignKeyDef> fks = new ArrayList<>();
    for (JsonNode fk : structure.path("foreignKeys")) {
      JsonNode ref = fk.path("reference");
      String attribute = text(fk, "attribute");
      if (attribute == null || !attrs.containsKey(attribute)) {
        throw new DataFileException("table " + displayName() + ": foreign key on unknown attribute " + attribute);
      }
      TableKind refKind;
      try {
        refKind = TableKind.valueOf(ref.path("tableType").asText("PROFILE_TABLE"));
      } catch (IllegalArgumentException e) {
        throw new DataFileException("table " + displayName() + ": foreign key tableType must be PROFILE_TABLE or "
            + "CUSTOM_TABLE");
      }
      fks.add(new ForeignKeyDef(text(fk, "name"), attribute, refKind, ref.path("tableId").asText(null),
          ref.path("attribute").asText(attribute), text(fk, "onDelete")));
    }
    this.foreignKeys = List.copyOf(fks);
  }

  /** Parses a table object of the data file (fields {@code entity} and {@code records} are stripped). */
  public static TableDef parse(TableKind kind, JsonNode tableJson) {
    if (!tableJson.isObject()) {
      throw new DataFileException("a table must be a JSON object: " + tableJson);
    }
    ObjectNode copy = ((ObjectNode) tableJson).deepCopy();
    String entity = text(copy, "entity");
    if (entity == null) {
      throw new DataFileException("table " + copy.path("name").asText() + " has no entity");
    }
    copy.remove("entity");
    copy.remove("records");
    copy.remove("profiles");
    return new TableDef(kind, entity, copy);
  }

  /** Parses one attribute in the structure format (also used to validate change requests). */
  public static AttributeDef parseAttribute(TableKind kind, JsonNode a, String table) {
    String name = text(a, "name");
    if (name == null || name.isBlank()) {
      throw new DataFileException("table " + table + ": attribute without a name");
    }
    String type = text(a, "type");
    ValueType vt;
    if (text(a, "valueType") != null) {
      vt = ValueType.ofValueType(text(a, "valueType")).orElseThrow(() -> new DataFileException(
          "table " + table + ": attribute " + name + " has unknown valueType " + text(a, "valueType")));
    } else if (kind == TableKind.PROFILE_TABLE && type != null && !"CUSTOM".equalsIgnoreCase(type)) {
      vt = ValueType.ofProfileType(type);
    } else {
      throw new DataFileException("table " + table + ": attribute " + name + " has no valueType");
    }
    JsonNode r = a.path("valueRestriction");
    Integer min = r.hasNonNull("minLength") ? r.get("minLength").asInt() : null;
    int max = r.hasNonNull("maxLength") ? r.get("maxLength").asInt() : AttributeDef.DEFAULT_MAX_LENGTH;
    List<String> accepted = new ArrayList<>();
    for (JsonNode v : r.path("acceptedValues")) {
      accepted.add(v.asText());
    }
    return new AttributeDef(name, vt, a.path("mandatory").asBoolean(false), a.path("unique").asBoolean(false),
        min, max, accepted);
  }

  /** A copy of this table with one more attribute (given in the structure format). */
  public TableDef withAttribute(JsonNode attributeJson) {
    ObjectNode copy = structure.deepCopy();
    ((ArrayNode) copy.withArray("attributes")).add(attributeJson.deepCopy());
    return new TableDef(kind, entity, copy);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public TableKind kind() {
    return kind;
  }

  public String entity() {
    return entity;
  }

  /** The table id; the name when the data file gives none. */
  public String id() {
    return id != null ? id : name;
  }

  /** The table name; the id when the data file gives none. */
  public String name() {
    return name != null ? name : id;
  }

  /** True when {@code idOrName} is this table's id or name. */
  public boolean matches(String idOrName) {
    return idOrName.equals(id) || idOrName.equals(name);
  }

  public String displayName() {
    return entity + "/" + name();
  }

  /** The primary key attribute of a custom table; null for profile tables. */
  public String primaryKeyAttribute() {
    return primaryKeyAttribute;
  }

  public Optional<AttributeDef> attribute(String attrName) {
    return Optional.ofNullable(attributes.get(attrName));
  }

  /** Attribute names in structure order. */
  public List<String> attributeNames() {
    return orderedNames;
  }

  public List<AttributeDef> attributes() {
    List<AttributeDef> out = new ArrayList<>();
    orderedNames.forEach(n -> out.add(attributes.get(n)));
    return out;
  }

  public List<ForeignKeyDef> foreignKeys() {
    return foreignKeys;
  }

  /** The technical attribute names of this kind of table. */
  public Set<String> technical() {
    return kind == TableKind.CUSTOM_TABLE ? CUSTOM_TECHNICAL : PROFILE_TECHNICAL;
  }

  /** The structure JSON as served by the structure API (a defensive copy). */
  public ObjectNode structure() {
    return structure.deepCopy();
  }
}
