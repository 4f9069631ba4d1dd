package org.actitosync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.emulator.model.AttributeDef;
import org.actitosync.emulator.model.ForeignKeyDef;
import org.actitosync.emulator.model.TableDef;

/**
 * Validates a written row (record properties, profile attributes or an import line) against a table
 * structure. Every rejection is a {@link ValidationException} whose message names the attribute.
 */
public final class RowValidator {
  /** What to do with technical attributes ({@code id}, {@code creationMoment}, ...) in the input. */
  public enum Technical {
    /** 400: single-record APIs (inferred). */
    REJECT,
    /** Silently dropped: imports (documented). */
    IGNORE
  }

  private RowValidator() {
  }

  /**
   * Converts and validates {@code input}.
   *
   * @param create true when the row does not exist yet: every mandatory attribute must then have a value
   * @return the converted values in input order; a null value means "clear this attribute"
   */
  public static Map<String, Object> validate(TableDef table, Map<String, JsonNode> input, boolean create,
      Technical technical, ForeignKeyChecker fks) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : input.entrySet()) {
      String name = e.getKey();
      if (table.technical().contains(name)) {
        if (technical == Technical.REJECT) {
          throw new ValidationException(name, "Attribute '" + name + "' is technical and cannot be written");
        }
        continue;
      }
      AttributeDef attr = table.attribute(name).orElseThrow(() -> new ValidationException(name,
          "Unknown attribute '" + name + "' in table " + table.name()));
      Object value = ValueConverter.convert(attr, e.getValue());
      if (value == null && attr.mandatory() && !create) {
        throw new ValidationException(name, "Mandatory attribute '" + name + "' cannot be emptied");
      }
      out.put(name, value);
    }
    if (create) {
      for (AttributeDef attr : table.attributes()) {
        if (attr.mandatory() && out.get(attr.name()) == null) {
          throw new ValidationException(attr.name(), "Missing mandatory attribute '" + attr.name() + "'");
        }
      }
    }
    for (ForeignKeyDef fk : table.foreignKeys()) {
      Object value = out.get(fk.attribute());
      if (value != null && !fks.exists(table.entity(), fk, value)) {
        throw new ValidationException(fk.attribute(), "Attribute '" + fk.attribute() + "': foreign key "
            + (fk.name() == null ? "" : fk.name() + " ") + "references no " + fk.referencedTableType() + " "
            + fk.referencedTableId() + " row with " + fk.referencedAttribute() + " = "
            + ValueConverter.canonical(value));
      }
    }
    return out;
  }
}
