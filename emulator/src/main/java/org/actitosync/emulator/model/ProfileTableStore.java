package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.actitosync.emulator.validation.ForeignKeyChecker;
import org.actitosync.emulator.validation.RowValidator;
import org.actitosync.emulator.validation.ValidationException;
import org.actitosync.emulator.validation.ValueConverter;

/**
 * The profiles of one profile table, keyed by {@code profileId}, with an index per unique attribute.
 * A written profile matches the existing profile that shares a value of any unique attribute (inferred).
 * Not thread-safe: only used under the {@link DataStore} lock.
 */
final class ProfileTableStore {
  private final TableDef def;
  private final TreeMap<Long, Row> byId = new TreeMap<>();
  private final Map<String, Map<String, Row>> uniqueIndex = new HashMap<>();
  private long nextId = 1;

  ProfileTableStore(TableDef def) {
    this.def = def;
    def.attributes().stream().filter(AttributeDef::unique).forEach(a -> uniqueIndex.put(a.name(), new HashMap<>()));
  }

  TableDef def() {
    return def;
  }

  Collection<Row> rows() {
    return byId.values();
  }

  /**
   * Creates a profile, or updates the one matching a unique attribute.
   *
   * @throws ValidationException 409 when the values match two different profiles
   */
  WriteOutcome write(Map<String, JsonNode> input, boolean allowCreate, boolean allowUpdate,
      RowValidator.Technical technical, ForeignKeyChecker fks, Instant now) {
    Set<Row> matches = new LinkedHashSet<>();
    for (Map.Entry<String, Map<String, Row>> idx : uniqueIndex.entrySet()) {
      JsonNode raw = input.get(idx.getKey());
      Object v = ValueConverter.convert(def.attribute(idx.getKey()).orElseThrow(), raw);
      if (v != null) {
        Row r = idx.getValue().get(ValueConverter.canonical(v));
        if (r != null) {
          matches.add(r);
        }
      }
    }
    if (matches.size() > 1) {
      throw new ValidationException(409, null, "The unique attributes given match " + matches.size()
          + " different profiles");
    }
    if (matches.isEmpty()) {
      if (!allowCreate) {
        return new WriteOutcome(WriteOutcome.Status.SKIPPED, null, "no matching profile");
      }
      Map<String, Object> values = RowValidator.validate(def, input, true, technical, fks);
      Row row = new Row(nextId++, now);
      row.apply(values, now);
      byId.put(row.id(), row);
      index(row);
      return new WriteOutcome(WriteOutcome.Status.CREATED, Long.toString(row.id()), null);
    }
    Row row = matches.iterator().next();
    if (!allowUpdate) {
      conflict(input, row);
      return new WriteOutcome(WriteOutcome.Status.SKIPPED, Long.toString(row.id()),
          "profile " + row.id() + " already exists");
    }
    Map<String, Object> values = RowValidator.validate(def, input, false, technical, fks);
    unindex(row);
    row.apply(values, now);
    index(row);
    return new WriteOutcome(WriteOutcome.Status.UPDATED, Long.toString(row.id()), null);
  }

  /**
   * A creation whose unique values identify an existing profile, but which gives another unique
   * attribute a different value than that profile has (e.g. a new customerId with an e-mail address
   * already used by another profile): 400 naming the attribute whose value is taken (inferred).
   */
  private void conflict(Map<String, JsonNode> input, Row row) {
    String taken = null;
    boolean differs = false;
    for (String attribute : uniqueIndex.keySet()) {
      Object given = ValueConverter.convert(def.attribute(attribute).orElseThrow(), input.get(attribute));
      Object existing = row.get(attribute);
      if (given == null || existing == null) {
        continue;
      }
      if (ValueConverter.canonical(given).equals(ValueConverter.canonical(existing))) {
        taken = taken == null ? attribute : taken;
      } else {
        differs = true;
      }
    }
    if (differs && taken != null) {
      throw new ValidationException(taken, "Attribute '" + taken + "': value "
          + ValueConverter.canonical(row.get(taken)) + " is already used by profile " + row.id()
          + " (unique)");
    }
  }

  /**
   * Updates only the given attributes of the profile at {@code key}; 404 when absent, 409 when a unique
   * value belongs to another profile.
   */
  Row update(String key, Map<String, JsonNode> input, ForeignKeyChecker fks, Instant now) {
    Row row = find(key).orElseThrow(() -> new NotFoundException("No profile '" + key + "' in profile table "
        + def.name()));
    Map<String, Object> values = RowValidator.validate(def, input, false, RowValidator.Technical.REJECT, fks);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Map<String, Row> idx = uniqueIndex.get(e.getKey());
      if (idx != null && e.getValue() != null) {
        Row other = idx.get(ValueConverter.canonical(e.getValue()));
        if (other != null && other != row) {
          throw new ValidationException(409, e.getKey(), "Attribute '" + e.getKey() + "': value "
              + ValueConverter.canonical(e.getValue()) + " belongs to profile " + other.id());
        }
      }
    }
    unindex(row);
    row.apply(values, now);
    index(row);
    return row;
  }

  /**
   * Finds a profile by {@code profileId} or by {@code attribute=value} (first '=' splits).
   */
  Optional<Row> find(String key) {
    int eq = key.indexOf('=');
    if (eq < 0) {
      return key.matches("\\d{1,18}") ? Optional.ofNullable(byId.get(Long.parseLong(key))) : Optional.empty();
    }
    String attribute = key.substring(0, eq);
    String raw = key.substring(eq + 1);
    if ("profileId".equals(attribute)) {
      return find(raw);
    }
    AttributeDef attr = def.attribute(attribute).orElseThrow(() -> new ValidationException(attribute,
        "Unknown attribute '" + attribute + "' in profile table " + def.name()));
    String canonical;
    try {
      canonical = ValueConverter.canonical(ValueConverter.convert(attr, com.fasterxml.jackson.databind.node.TextNode.valueOf(raw)));
    } catch (ValidationException e) {
      return Optional.empty();
    }
    List<Row> rows = findBy(attribute, canonical);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Profiles whose {@code attribute} has the canonical value {@code canonical}. */
  List<Row> findBy(String attribute, String canonical) {
    List<Row> out = new ArrayList<>();
    Map<String, Row> idx = uniqueIndex.get(attribute);
    if (idx != null) {
      Row r = idx.get(canonical);
      if (r != null) {
        out.add(r);
      }
      return out;
    }
    for (Row r : byId.values()) {
      Object v = "profileId".equals(attribute) ? (Object) r.id() : r.get(attribute);
      if (v != null && canonical.equals(ValueConverter.canonical(v))) {
        out.add(r);
      }
    }
    return out;
  }

  void remove(Row row) {
    unindex(row);
    byId.remove(row.id());
  }

  private void index(Row row) {
    uniqueIndex.forEach((attr, idx) -> {
      Object v = row.get(attr);
      if (v != null) {
        idx.put(ValueConverter.canonical(v), row);
      }
    });
  }

  private void unindex(Row row) {
    uniqueIndex.forEach((attr, idx) -> {
      Object v = row.get(attr);
      if (v != null) {
        idx.remove(ValueConverter.canonical(v));
      }
    });
  }
}
