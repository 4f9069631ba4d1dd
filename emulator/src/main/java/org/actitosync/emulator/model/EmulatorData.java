package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.actitosync.emulator.limits.Limits;

/**
 * The parsed data file: entities, API keys, token TTL, limits, profile and custom tables with their
 * initial rows, ETL definitions, the profile GET shape. Immutable; {@code reset} goes back to it.
 */
public final class EmulatorData {
  /** A table and the rows it starts with (data-file JSON objects, attribute name to value). */
  public record SeededTable(TableDef def, List<JsonNode> rows) {
    public SeededTable {
      rows = List.copyOf(rows);
    }
  }

  private final List<EntityDef> entities;
  private final List<ApiKeyDef> apiKeys;
  private final long tokenTtlSeconds;
  private final Limits limits;
  private final List<SeededTable> profileTables;
  private final List<SeededTable> customTables;
  private final List<EtlDef> etls;
  private final ProfileGetShape profileGetShape;

  private EmulatorData(List<EntityDef> entities, List<ApiKeyDef> apiKeys, long tokenTtlSeconds, Limits limits,
      List<SeededTable> profileTables, List<SeededTable> customTables, List<EtlDef> etls,
      ProfileGetShape profileGetShape) {
    this.entities = List.copyOf(entities);
    this.apiKeys = List.copyOf(apiKeys);
    this.tokenTtlSeconds = tokenTtlSeconds;
    this.limits = limits;
    this.profileTables = List.copyOf(profileTables);
    this.customTables = List.copyOf(customTables);
    this.etls = List.copyOf(etls);
    this.profileGetShape = profileGetShape;
  }

  /** Parses a data file's JSON text; throws {@link DataFileException} when it is invalid. */
  public static EmulatorData parse(String json, ObjectMapper mapper) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new DataFileException("data file is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DataFileException("data file must be a JSON object");
    }
    List<EntityDef> entities = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long nextId = 1;
    for (JsonNode e : root.path("entities")) {
      String name = e.path("name").asText(null);
      if (name == null || !names.add(name)) {
        throw new DataFileException("entity without a name or duplicated: " + e);
      }
      long id = e.path("id").asLong(nextId);
      nextId = Math.max(nextId, id + 1);
      entities.add(new EntityDef(id, name, e.hasNonNull("comment") ? e.get("comment").asText() : null));
    }
    List<ApiKeyDef> keys = new ArrayList<>();
    for (JsonNode k : root.path("apiKeys")) {
      List<String> allowed = new ArrayList<>();
      k.path("entities").forEach(n -> allowed.add(n.asText()));
      String key = k.path("key").asText(null);
      if (key == null) {
        throw new DataFileException("API key without a key: " + k);
      }
      keys.add(new ApiKeyDef(key, allowed));
    }
    List<SeededTable> profiles = tables(root.path("profileTables"), TableKind.PROFILE_TABLE, names, "profiles");
    List<SeededTable> customs = tables(root.path("customTables"), TableKind.CUSTOM_TABLE, names, "records");
    checkForeignKeys(profiles, customs);
    return new EmulatorData(entities, keys, root.path("tokenTtlSeconds").asLong(900),
        Limits.fromJson(root.get("limits"), Limits.DEFAULTS), profiles, customs, etls(root.path("etls"), names),
        profileGetShape(root));
  }

  private static ProfileGetShape profileGetShape(JsonNode root) {
    JsonNode shape = root.get("profileGetShape");
    if (shape == null || shape.isNull()) {
      return ProfileGetShape.SDK;
    }
    try {
      return ProfileGetShape.valueOf(shape.asText());
    } catch (IllegalArgumentException e) {
      throw new DataFileException("profileGetShape must be SDK or TOP_LEVEL, not " + shape);
    }
  }

  /** The same data with another profile GET shape (a builder override). */
  public EmulatorData withProfileGetShape(ProfileGetShape shape) {
    return new EmulatorData(entities, apiKeys, tokenTtlSeconds, limits, profileTables, customTables, etls,
        shape);
  }

  /** ETL definitions: each of a declared entity, ids unique per entity. */
  private static List<EtlDef> etls(JsonNode list, Set<String> entities) {
    List<EtlDef> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode n : list) {
      EtlDef etl = EtlDef.parse(n);
      if (!entities.contains(etl.entity())) {
        throw new DataFileException("etls: ETL " + etl.id() + " belongs to an undeclared entity " + etl.entity());
      }
      if (!ids.add(etl.entity() + "/" + etl.id())) {
        throw new DataFileException("etls: duplicate ETL id " + etl.id() + " in entity " + etl.entity());
      }
      out.add(etl);
    }
    return out;
  }

  private static List<SeededTable> tables(JsonNode list, TableKind kind, Set<String> entities, String rowsField) {
    List<SeededTable> out = new ArrayList<>();
    for (JsonNode t : list) {
      TableDef def = TableDef.parse(kind, t);
      if (!entities.contains(def.entity())) {
        throw new DataFileException("table " + def.displayName() + " belongs to an undeclared entity");
      }
      for (SeededTable other : out) {
        if (other.def().entity().equals(def.entity())
            && (other.def().matches(def.id()) || other.def().matches(def.name()))) {
          throw new DataFileException("duplicate table " + def.displayName());
        }
      }
      List<JsonNode> rows = new ArrayList<>();
      t.path(rowsField).forEach(rows::add);
      out.add(new SeededTable(def, rows));
    }
    return out;
  }

  /** Every foreign key must reference an existing attribute of an existing table of the same entity. */
  private static void checkForeignKeys(List<SeededTable> profiles, List<SeededTable> customs) {
    List<SeededTable> all = new ArrayList<>(profiles);
    all.addAll(customs);
    for (SeededTable t : all) {
      for (ForeignKeyDef fk : t.def().foreignKeys()) {
        List<SeededTable> candidates = fk.referencedTableType() == TableKind.PROFILE_TABLE ? profiles : customs;
        TableDef target = candidates.stream().map(SeededTable::def)
            .filter(d -> d.entity().equals(t.def().entity()) && fk.referencedTableId() != null
                && d.matches(fk.referencedTableId()))
            .findFirst().orElseThrow(() -> new DataFileException("table " + t.def().displayName() + ": foreign key "
                + fk.name() + " references unknown " + fk.referencedTableType() + " " + fk.referencedTableId()));
        if (target.attribute(fk.referencedAttribute()).isEmpty()) {
          throw new DataFileException("table " + t.def().displayName() + ": foreign key " + fk.name()
              + " references unknown attribute " + fk.referencedAttribute() + " of " + target.displayName());
        }
      }
    }
  }

  public List<EntityDef> entities() {
    return entities;
  }

  public List<ApiKeyDef> apiKeys() {
    return apiKeys;
  }

  public long tokenTtlSeconds() {
    return tokenTtlSeconds;
  }

  public Limits limits() {
    return limits;
  }

  public List<SeededTable> profileTables() {
    return profileTables;
  }

  public List<SeededTable> customTables() {
    return customTables;
  }

  /** The seeded ETL definitions. */
  public List<EtlDef> etls() {
    return etls;
  }

  /** The body shape of a single-profile GET (data file {@code profileGetShape}, default SDK). */
  public ProfileGetShape profileGetShape() {
    return profileGetShape;
  }
}
