package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.emulator.validation.ForeignKeyChecker;
import org.actitosync.emulator.validation.RowValidator;
import org.actitosync.emulator.validation.ValidationException;

/**
 * All tables and rows of the emulated licence. Every method takes this object's lock, so the store is
 * safe to call from concurrent request threads and import workers (operations are short, in memory).
 * The tables themselves and the links between them are in {@link TableRegistry}, the search and sort of
 * a listing in {@link RecordListing}.
 */
public final class DataStore {
  private final Clock clock;
  private final TableRegistry tables = new TableRegistry();
  private final ForeignKeyChecker fkChecker = tables::fkExists;
  private volatile java.util.function.BiConsumer<String, String> onRecordCreated = (table, key) -> { };

  public DataStore(Clock clock) {
    this.clock = clock;
  }

  /** Drops everything and loads the data file's tables and rows (foreign keys are not checked on seed rows). */
  public synchronized void load(EmulatorData data) {
    tables.clear();
    for (EmulatorData.SeededTable t : data.profileTables()) {
      ProfileTableStore store = tables.addProfileTable(t.def());
      for (JsonNode row : t.rows()) {
        seed(t.def(), () -> store.write(fields(row), true, true, RowValidator.Technical.IGNORE,
            ForeignKeyChecker.NONE, now()));
      }
    }
    for (EmulatorData.SeededTable t : data.customTables()) {
      CustomTableStore store = tables.addCustomTable(t.def());
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
    return tables.customTables(entity).stream().map(CustomTableStore::def).toList();
  }

  /** Profile table structures of an entity. */
  public synchronized List<TableDef> profileTables(String entity) {
    return tables.profileTables(entity).stream().map(ProfileTableStore::def).toList();
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
   * Lists records: optional equality search, sort (default: primary key ascending, unset values last);
   * all of them, the caller cuts the page.
   */
  public synchronized List<RowSnapshot> listRecords(String entity, String table, String searchField,
      String searchValue, String sortedField, boolean ascending) {
    CustomTableStore store = custom(entity, table);
    return RecordListing.rows(store, searchField, searchValue, sortedField, ascending).stream()
        .map(r -> RowSnapshot.of(r, store.def())).toList();
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
    return tables.deleteProfile(entity, profile(entity, table), key);
  }

  /** All profiles of a table, by profileId. */
  public synchronized List<RowSnapshot> allProfiles(String entity, String table) {
    ProfileTableStore store = profile(entity, table);
    return store.rows().stream().map(r -> RowSnapshot.of(r, store.def())).toList();
  }

  // ---------------------------------------------------------------- lookups

  private CustomTableStore custom(String entity, String idOrName) {
    return tables.custom(entity, idOrName);
  }

  private ProfileTableStore profile(String entity, String idOrName) {
    return tables.profile(entity, idOrName);
  }
}
