package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.actitosync.emulator.validation.ValidationException;
import org.actitosync.emulator.validation.ValueConverter;

/**
 * The rows a custom-table listing returns: an optional equality search (the value read as the
 * attribute's type, as Actito does), then a sort on any attribute or technical field (default: primary
 * key ascending, unset values last). An unknown search or sort field is a 400 naming it.
 */
final class RecordListing {
  private RecordListing() {}

  /** The matching rows of {@code store}, sorted. */
  static List<Row> rows(CustomTableStore store, String searchField, String searchValue, String sortedField,
      boolean ascending) {
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
    return rows;
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
}
