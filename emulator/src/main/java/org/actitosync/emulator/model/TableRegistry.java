package org.actitosync.emulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.emulator.validation.ValueConverter;

/**
 * The tables of each entity, found by id or name, and the links between them: foreign-key lookups and
 * the cascade of a profile's deletion. Not thread-safe: {@link DataStore} calls it under its lock.
 */
final class TableRegistry {
  private final Map<String, List<CustomTableStore>> customTables = new LinkedHashMap<>();
  private final Map<String, List<ProfileTableStore>> profileTables = new LinkedHashMap<>();

  /** Drops every table. */
  void clear() {
    customTables.clear();
    profileTables.clear();
  }

  /** Adds an empty profile table to its entity. */
  ProfileTableStore addProfileTable(TableDef def) {
    ProfileTableStore store = new ProfileTableStore(def);
    profileTables.computeIfAbsent(def.entity(), e -> new ArrayList<>()).add(store);
    return store;
  }

  /** Adds an empty custom table to its entity. */
  CustomTableStore addCustomTable(TableDef def) {
    CustomTableStore store = new CustomTableStore(def);
    customTables.computeIfAbsent(def.entity(), e -> new ArrayList<>()).add(store);
    return store;
  }

  /** The custom tables of an entity (empty for an entity without tables). */
  List<CustomTableStore> customTables(String entity) {
    return customTables.getOrDefault(entity, List.of());
  }

  /** The profile tables of an entity (empty for an entity without tables). */
  List<ProfileTableStore> profileTables(String entity) {
    return profileTables.getOrDefault(entity, List.of());
  }

  /** The custom table with this id or name; 404 when the entity has none. */
  CustomTableStore custom(String entity, String idOrName) {
    for (CustomTableStore s : customTables(entity)) {
      if (s.def().matches(idOrName)) {
        return s;
      }
    }
    throw new NotFoundException("No custom table '" + idOrName + "' in entity " + entity);
  }

  /** The profile table with this id or name; 404 when the entity has none. */
  ProfileTableStore profile(String entity, String idOrName) {
    for (ProfileTableStore s : profileTables(entity)) {
      if (s.def().matches(idOrName)) {
        return s;
      }
    }
    throw new NotFoundException("No profile table '" + idOrName + "' in entity " + entity);
  }

  /** Whether a row of the foreign key's referenced table holds {@code value}; false when that table is missing. */
  boolean fkExists(String entity, ForeignKeyDef fk, Object value) {
    String canonical = ValueConverter.canonical(value);
    try {
      if (fk.referencedTableType() == TableKind.PROFILE_TABLE) {
        return !profile(entity, fk.referencedTableId()).findBy(fk.referencedAttribute(), canonical).isEmpty();
      }
      return !custom(entity, fk.referencedTableId()).findBy(fk.referencedAttribute(), canonical).isEmpty();
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Deletes the profile at {@code key} and, for foreign keys with onDelete CASCADE, the custom-table rows
   * referencing it; false when absent.
   */
  boolean deleteProfile(String entity, ProfileTableStore store, String key) {
    Optional<Row> row = store.find(key);
    if (row.isEmpty()) {
      return false;
    }
    store.remove(row.get());
    for (CustomTableStore custom : customTables(entity)) {
      for (ForeignKeyDef fk : custom.def().foreignKeys()) {
        if (fk.cascades() && fk.referencedTableType() == TableKind.PROFILE_TABLE
            && store.def().matches(fk.referencedTableId())) {
          Object v = row.get().get(fk.referencedAttribute());
          if (v != null) {
            custom.findBy(fk.attribute(), ValueConverter.canonical(v)).forEach(custom::remove);
          }
        }
      }
    }
    return true;
  }
}
