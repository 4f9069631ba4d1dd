package org.actitosync.emulator.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable copy of a stored row.
 *
 * @param id technical id (record {@code id} or {@code profileId})
 * @param values attribute values in structure order (unset attributes absent)
 * @param creationMoment creation time
 * @param updateMoment last update time
 */
public record RowSnapshot(long id, Map<String, Object> values, Instant creationMoment, Instant updateMoment) {
  public RowSnapshot {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static RowSnapshot of(Row row, TableDef def) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : def.attributeNames()) {
      Object v = row.get(name);
      if (v != null) {
        ordered.put(name, v);
      }
    }
    return new RowSnapshot(row.id(), ordered, row.creationMoment(), row.updateMoment());
  }
}
