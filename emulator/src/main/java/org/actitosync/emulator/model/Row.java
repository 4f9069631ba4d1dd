package org.actitosync.emulator.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored row (custom-table record or profile). Mutable; guarded by the {@link DataStore} lock.
 */
public final class Row {
  private final long id;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Instant creationMoment;
  private Instant updateMoment;

  Row(long id, Instant now) {
    this.id = id;
    this.creationMoment = now;
    this.updateMoment = now;
  }

  /** Technical id ({@code id} of a record, {@code profileId} of a profile). */
  public long id() {
    return id;
  }

  /** The value of an attribute, or null. */
  public Object get(String attribute) {
    return values.get(attribute);
  }

  /** Attribute values (live view; nulls are never stored). */
  public Map<String, Object> values() {
    return values;
  }

  /** Applies converted values: null clears an attribute. */
  void apply(Map<String, Object> changes, Instant now) {
    changes.forEach((k, v) -> {
      if (v == null) {
        values.remove(k);
      } else {
        values.put(k, v);
      }
    });
    updateMoment = now;
  }

  public Instant creationMoment() {
    return creationMoment;
  }

  public Instant updateMoment() {
    return updateMoment;
  }
}
