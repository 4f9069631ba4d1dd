package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.actitosync.emulator.validation.ForeignKeyChecker;
import org.actitosync.emulator.validation.RowValidator;
import org.actitosync.emulator.validation.ValidationException;
import org.actitosync.emulator.validation.ValueConverter;

/**
 * The rows of one custom table, keyed by the primary key attribute. Not thread-safe: only used under
 * the {@link DataStore} lock.
 */
final class CustomTableStore {
  private TableDef def;
  private final TreeMap<Object, Row> byKey = new TreeMap<>(KeyOrder.INSTANCE);
  private final Map<Long, Row> byId = new HashMap<>();
  private long nextId = 1;

  CustomTableStore(TableDef def) {
    this.def = def;
  }

  TableDef def() {
    return def;
  }

  void redefine(TableDef newDef) {
    this.def = newDef;
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  Collection<Row> rows() {
    return byKey.values();
  }

  /**
   * Creates or updates the row whose primary key the input carries.
   *
   * @param allowCreate false: an absent row is SKIPPED
   * @param allowUpdate false: an existing row is SKIPPED (left unchanged)
   */
  WriteOutcome write(Map<String, JsonNode> input, boolean allowCreate, boolean allowUpdate,
      RowValidator.Technical technical, ForeignKeyChecker fks, Instant now) {
    String pkName = def.primaryKeyAttribute();
    AttributeDef pk = def.attribute(pkName).orElseThrow();
    Object key = ValueConverter.convert(pk, input.get(pkName));
    if (key == null) {
      throw new ValidationException(pkName, "Missing mandatory attribute '" + pkName + "' (the primary key)");
    }
    String keyText = ValueConverter.canonical(key);
    Row existing = byKey.get(key);
    if (existing == null) {
      if (!allowCreate) {
        return new WriteOutcome(WriteOutcome.Status.SKIPPED, keyText, "no record with " + pkName + " = " + keyText);
      }
      Map<String, Object> values = RowValidator.validate(def, input, true, technical, fks);
      checkUnique(values, null);
      Row row = new Row(nextId++, now);
      row.apply(values, now);
      byKey.put(key, row);
      byId.put(row.id(), row);
      return new WriteOutcome(WriteOutcome.Status.CREATED, keyText, null);
    }
    if (!allowUpdate) {
      return new WriteOutcome(WriteOutcome.Status.SKIPPED, keyText, "record with " + pkName + " = " + keyText
          + " already exists");
    }
    Map<String, Object> values = RowValidator.validate(def, input, false, technical, fks);
    checkUnique(values, existing);
    existing.apply(values, now);
    return new WriteOutcome(WriteOutcome.Status.UPDATED, keyText, null);
  }

  /** Updates only the given attributes of the row at {@code pathKey}; the primary key cannot change. */
  void update(String pathKey, Map<String, JsonNode> input, ForeignKeyChecker fks, Instant now) {
    Row row = find(pathKey).orElseThrow(() -> notFound(pathKey));
    Map<String, Object> values = RowValidator.validate(def, input, false, RowValidator.Technical.REJECT, fks);
    String pkName = def.primaryKeyAttribute();
    if (values.containsKey(pkName) && KeyOrder.INSTANCE.compare(values.get(pkName), row.get(pkName)) != 0) {
      throw new ValidationException(pkName, "Attribute '" + pkName + "' is the primary key and cannot be changed");
    }
    checkUnique(values, row);
    row.apply(values, now);
  }

  /**
   * Rejects a value of a {@code unique} attribute other than the primary key that another row already
   * holds (400 naming the attribute; linear scan, only for tables declaring such attributes).
   */
  private void checkUnique(Map<String, Object> values, Row self) {
    for (AttributeDef a : def.attributes()) {
      Object v = values.get(a.name());
      if (!a.unique() || v == null || a.name().equals(def.primaryKeyAttribute())) {
        continue;
      }
      String canonical = ValueConverter.canonical(v);
      for (Row other : byKey.values()) {
        Object o = other.get(a.name());
        if (other != self && o != null && canonical.equals(ValueConverter.canonical(o))) {
          throw new ValidationException(a.name(), "Attribute '" + a.name() + "' is unique and value " + canonical
              + " is already used by record " + ValueConverter.canonical(other.get(def.primaryKeyAttribute())));
        }
      }
    }
  }

  /** Finds a row by business key (primary key value) first, then by technical id. */
  Optional<Row> find(String pathKey) {
    AttributeDef pk = def.attribute(def.primaryKeyAttribute()).orElseThrow();
    try {
      Object key = ValueConverter.convert(pk, TextNode.valueOf(pathKey));
      Row row = key == null ? null : byKey.get(key);
      if (row != null) {
        return Optional.of(row);
      }
    } catch (ValidationException notAKey) {
      // fall through to the technical id
    }
    if (pathKey.matches("\\d{1,18}")) {
      return Optional.ofNullable(byId.get(Long.parseLong(pathKey)));
    }
    return Optional.empty();
  }

  /** Deletes the row at {@code pathKey}; false when absent. */
  boolean delete(String pathKey) {
    Optional<Row> row = find(pathKey);
    row.ifPresent(this::remove);
    return row.isPresent();
  }

  void remove(Row row) {
    byKey.remove(row.get(def.primaryKeyAttribute()));
    byId.remove(row.id());
  }

  /** Rows whose {@code attribute} has the canonical value {@code canonical}. */
  List<Row> findBy(String attribute, String canonical) {
    List<Row> out = new ArrayList<>();
    if (attribute.equals(def.primaryKeyAttribute())) {
      find(canonical).filter(r -> canonical.equals(ValueConverter.canonical(r.get(attribute)))).ifPresent(out::add);
      return out;
    }
    for (Row r : byKey.values()) {
      Object v = "id".equals(attribute) ? (Object) r.id() : r.get(attribute);
      if (v != null && canonical.equals(ValueConverter.canonical(v))) {
        out.add(r);
      }
    }
    return out;
  }

  private NotFoundException notFound(String key) {
    return new NotFoundException("No record '" + key + "' in custom table " + def.name());
  }
}
