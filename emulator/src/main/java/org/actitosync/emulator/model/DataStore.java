package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.emulator.validation.ForeignKeyChecker;
import org.actitosync.emulator.validation.RowValidator;
import org.actitosync.emulator.validation.ValidationException;
import org.actitosync.emulator.validation.ValueConverter;

/**
 * All tables and rows of the emulated licence. Every method takes this object's lock, so the store is
 * safe to call from concurrent request threads and import workers (operations are short, in memory).
 */
public final class DataStore {
  private final Clock clock;
  private final Map<String, List<CustomTableStore>> customTables = new LinkedHashMap<>();
  private final Map<String, List<ProfileTableStore>> profileTables = new LinkedHashMap<>();
  private final ForeignKeyChecker fkChecker = this::fkExists;
  private volatile java.util.function.BiConsumer<String, String> onRecordCreated = (table, key) -> { };

  public DataStore(Clock clock) {
    this.clock = clock;
  }

  /** Drops everything and loads the data file's tables and rows (foreign keys are not checked on seed rows). */
  public synchronized void load(EmulatorData data) {
    customTables.clear();
    profileTables.clear();
    for (EmulatorData.SeededTable t : data.profileTables()) {
      ProfileTableStore store = new ProfileTableStore(t.def());
      profileTables.computeIfAbsent(t.def().entity(), e -> new ArrayList<>()).add(store);
      for (JsonNode row : t.rows()) {
        seed(t.def(), () -> store.write(fields(row), true, true, RowValidator.Technical.IGNORE,
            ForeignKeyChecker.NONE, now()));
      }
    }
    for (EmulatorData.SeededTable t : data.customTables()) {
      CustomTableStore store = new CustomTableStore(t.def());
      customTables.computeIfAbsent(t.def().entity(), e -> new ArrayList<>()).add(store);
      for (JsonNode row : t.rows()) {
        seed(t.def(), () -> store.write(fields(row), true, true, RowValidator.Technical.IGNORE,
            ForeignKeyChecker.NONE, now()));
      }
    }
  }

  private static void seed(TableDef def, Runnable write) {
    try {
      write.run();
    } catch (ValidationException e) {
      throw new DataFileException("table " + def.displayName() + ": invalid row: " + e.getMessage(), e);
    }
  }

  /** Converts a JSON object {@code {"attr": value}} to the input map the stores take. */
  public static Map<String, JsonNode> fields(JsonNode object) {
    if (!object.isObject()) {
      throw new ValidationException(null, "a row must be a JSON object: " + object);
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  // ---------------------------------------------------------------- structure

  /** Custom table structures of an entity (empty list for an entity without tables). */
  public synchronized List<TableDef> customTables(String entity) {
    return customTables.getOrDefault(entity, List.of()).stream().map(CustomTableStore::def).toList();
  }

  /** Profile table structures of an entity. */
  public synchronized List<TableDef> profileTables(String entity) {
    return profileTables.getOrDefault(entity, List.of()).stream().map(ProfileTableStore::def).toList();
  }

  public synchronized TableDef customTable(String entity, String idOrName) {
    return custom(entity, idOrName).def();
  }

  public synchronized TableDef profileTable(String entity, String idOrName) {
    return profile(entity, idOrName).def();
  }

  /**
   * Adds attributes to a custom table, all or none. 400 naming the attribute when its name is taken,
   * its valueType unknown, or it is mandatory while the table has rows.
   */
  public synchronized TableDef addAttributes(String entity, String table, List<JsonNode> attributes) {
    CustomTableStore store = custom(entity, table);
    TableDef next = store.def();
    for (JsonNode attribute : attributes) {
      String name = attribute.path("name").asText("");
      AttributeDef parsed;
      try {
        parsed = TableDef.parseAttribute(TableKind.CUSTOM_TABLE, attribute, next.name());
      } catch (DataFileException e) {
        throw new ValidationException(name.isEmpty() ? null : name, e.getMessage());
      }
      if (next.attribute(name).isPresent() || next.technical().contains(name)) {
        throw new ValidationException(name, "Attribute '" + name + "' already exists in table " + next.name());
      }
      if (parsed.mandatory() && !store.isEmpty()) {
        throw new ValidationException(name, "Attribute '" + name + "' cannot be mandatory: table " + next.name()
            + " is not empty");
      }
      next = next.withAttribute(attribute);
    }
    store.redefine(next);
    return next;
  }

  // ---------------------------------------------------------------- custom-table records

  /** Creates or updates a record by its primary key (single-record API: technical attributes rejected). */
  public synchronized WriteOutcome upsertRecord(String entity, String table, Map<String, JsonNode> properties) {
    CustomTableStore store = custom(entity, table);
    return created(store, store.write(properties, true, true, RowValidator.Technical.REJECT, fkChecker, now()));
  }

  /** Called (table name, primary key) for every record created through the API (statistics). */
  public void onRecordCreated(java.util.function.BiConsumer<String, String> listener) {
    this.onRecordCreated = listener;
  }

  private WriteOutcome created(CustomTableStore store, WriteOutcome out) {
    if (out.status() == WriteOutcome.Status.CREATED) {
      onRecordCreated.accept(store.def().name(), out.key());
    }
    return out;
  }

  /** Writes one import line into a custom table (technical attributes ignored). */
  public synchronized WriteOutcome importRecord(String entity, String table, Map<String, JsonNode> values,
      boolean allowCreate, boolean allowUpdate) {
    CustomTableStore store = custom(entity, table);
    return created(store, store.write(values, allowCreate, allowUpdate, RowValidator.Technical.IGNORE, fkChecker,
        now()));
  }

  /** Updates the given properties of an existing record; 404 when absent. */
  public synchronized void updateRecord(String entity, String table, String key, Map<String, JsonNode> properties) {
    custom(entity, table).update(key, properties, fkChecker, now());
  }

  /** The record at {@code key} (business key first, then technical id). */
  public synchronized Optional<RowSnapshot> record(String entity, String table, String key) {
    CustomTableStore store = custom(entity, table);
    return store.find(key).map(r -> RowSnapshot.of(r, store.def()));
  }

  /** Deletes a record; false when absent. */
  public synchronized boolean deleteRecord(String entity, String table, String key) {
    return custom(entity, table).delete(key);
  }

  /**
   * Lists records: optional equality search, sort (default: primary key ascending, unset values last),
   * page of {@code number} records starting at {@code page * number}.
   */
  public synchronized List<RowSnapshot> listRecords(String entity, String table, String searchField,
      String searchValue, String sortedField, boolean ascending) {
    CustomTableStore store = custom(entity, table);
    TableDef def = store.def();
    List<Row> rows;
    if (searchField != null && !searchField.isEmpty()) {
      rows = store.findBy(searchField, canonicalFor(def, searchField, searchValue == null ? "" : searchValue));
    } else {
      rows = new ArrayList<>(store.rows());
    }
    String sortBy = sortedField == null || sortedField.isEmpty() ? def.primaryKeyAttribute() : sortedField;
    checkField(def, sortBy);
    Comparator<Object> values = Comparator.nullsLast(ascending ? KeyOrder.INSTANCE : KeyOrder.INSTANCE.reversed());
    rows.sort(Comparator.comparing(r -> valueOf(r, sortBy), values));
    return rows.stream().map(r -> RowSnapshot.of(r, def)).toList();
  }

  private static Object valueOf(Row r, String field) {
    switch (field) {
      case "id": case "profileId": return r.id();
      case "creationMoment": return r.creationMoment().toString();
      case "updateMoment": return r.updateMoment().toString();
      default: return r.get(field);
    }
  }

  private static void checkField(TableDef def, String field) {
    if (def.attribute(field).isEmpty() && !def.technical().contains(field)) {
      throw new ValidationException(field, "Unknown attribute '" + field + "' in table " + def.name());
    }
  }

  private static String canonicalFor(TableDef def, String field, String raw) {
    checkField(def, field);
    Optional<AttributeDef> attr = def.attribute(field);
    if (attr.isEmpty()) {
      return raw;
    }
    try {
      return ValueConverter.canonical(ValueConverter.convert(attr.get(), TextNode.valueOf(raw)));
    } catch (ValidationException e) {
      return raw;
    }
  }

  /** All rows of a custom table sorted by primary key (admin). */
  public synchronized List<RowSnapshot> allRecords(String entity, String table) {
    CustomTableStore store = custom(entity, table);
    return store.rows().stream().map(r -> RowSnapshot.of(r, store.def())).toList();
  }

  /**
   * Puts rows directly (admin: "someone edited Actito by hand"): create-or-update by primary key,
   * types and restrictions checked, foreign keys not checked, technical attributes ignored.
   */
  public synchronized void putRecords(String entity, String table, List<JsonNode> rows) {
    CustomTableStore store = custom(entity, table);
    for (JsonNode row : rows) {
      store.write(fields(row), true, true, RowValidator.Technical.IGNORE, ForeignKeyChecker.NONE, now());
    }
  }

  // ---------------------------------------------------------------- profiles

  /**
   * Creates a profile or, with {@code allowUpdate}, updates the one matching a unique attribute;
   * 409 when it exists and {@code allowUpdate} is false.
   */
  public synchronized WriteOutcome upsertProfile(String entity, String table, Map<String, JsonNode> attributes,
      boolean allowUpdate) {
    WriteOutcome out = profile(entity, table).write(attributes, true, allowUpdate, RowValidator.Technical.REJECT,
        fkChecker, now());
    if (out.status() == WriteOutcome.Status.SKIPPED) {
      throw new ValidationException(409, null, "Profile " + out.key() + " already exists (allowUpdate=false)");
    }
    return out;
  }

  /** Writes one import line into a profile table (technical attributes ignored). */
  public synchronized WriteOutcome importProfile(String entity, String table, Map<String, JsonNode> values,
      boolean allowCreate, boolean allowUpdate) {
    return profile(entity, table).write(values, allowCreate, allowUpdate, RowValidator.Technical.IGNORE, fkChecker,
        now());
  }

  /** Updates the given attributes of the profile at {@code key}; 404 when absent. Returns the updated profile. */
  public synchronized RowSnapshot updateProfile(String entity, String table, String key,
      Map<String, JsonNode> attributes) {
    ProfileTableStore store = profile(entity, table);
    return RowSnapshot.of(store.update(key, attributes, fkChecker, now()), store.def());
  }

  /** The profile at {@code key}: a profileId or {@code attribute=value}. */
  public synchronized Optional<RowSnapshot> profile(String entity, String table, String key) {
    ProfileTableStore store = profile(entity, table);
    return store.find(key).map(r -> RowSnapshot.of(r, store.def()));
  }

  /** Deletes a profile and, for foreign keys with onDelete CASCADE, the custom-table rows referencing it. */
  public synchronized boolean deleteProfile(String entity, String table, String key) {
    ProfileTableStore store = profile(entity, table);
    Optional<Row> row = store.find(key);
    if (row.isEmpty()) {
      return false;
    }
    store.remove(row.get());
    for (CustomTableStore custom : customTables.getOrDefault(entity, List.of())) {
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

  /** All profiles of a table, by profileId. */
  public synchronized List<RowSnapshot> allProfiles(String entity, String table) {
    ProfileTableStore store = profile(entity, table);
    return store.rows().stream().map(r -> RowSnapshot.of(r, store.def())).toList();
  }

  // ---------------------------------------------------------------- lookups

  private CustomTableStore custom(String entity, String idOrName) {
    for (CustomTableStore s : customTables.getOrDefault(entity, List.of())) {
      if (s.def().matches(idOrName)) {
        return s;
      }
    }
    throw new NotFoundException("No custom table '" + idOrName + "' in entity " + entity);
  }

  private ProfileTableStore profile(String entity, String idOrName) {
    for (ProfileTableStore s : profileTables.getOrDefault(entity, List.of())) {
      if (s.def().matches(idOrName)) {
        return s;
      }
    }
    throw new NotFoundException("No profile table '" + idOrName + "' in entity " + entity);
  }

  private boolean fkExists(String entity, ForeignKeyDef fk, Object value) {
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

}
