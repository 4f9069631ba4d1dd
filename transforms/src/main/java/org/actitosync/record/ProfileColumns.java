package org.actitosync.record;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The segment columns read only for profiles: profile attribute → its source column and the type
 * its value is canonicalised to. They are not custom-table attributes (not in the {@link
 * AttributeLayout}, never digested, never in the snapshot); their values travel with a change in
 * {@link MappedRecord#profileValues()} and are used only when a missing profile is created.
 * Immutable; {@link #none()} when the activation has none (then the mapping costs nothing more).
 */
public final class ProfileColumns implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ProfileColumns NONE = new ProfileColumns(Map.of(), Map.of());

  private final SortedMap<String, String> columns;
  private final SortedMap<String, AttributeType> types;

  private ProfileColumns(Map<String, String> columns, Map<String, AttributeType> types) {
    if (!columns.keySet().equals(types.keySet())) {
      throw new IllegalArgumentException(
          "every profile attribute needs a column and a type: " + columns.keySet() + " vs " + types.keySet());
    }
    this.columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
    this.types = Collections.unmodifiableSortedMap(new TreeMap<>(types));
  }

  public static ProfileColumns none() {
    return NONE;
  }

  /**
   * @param columns profile attribute → source column
   * @param types profile attribute → the type of its canonical value
   */
  public static ProfileColumns of(Map<String, String> columns, Map<String, AttributeType> types) {
    return columns.isEmpty() && types.isEmpty() ? NONE : new ProfileColumns(columns, types);
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  /** Profile attribute → source column, sorted by attribute. */
  public SortedMap<String, String> columns() {
    return columns;
  }

  /** Profile attribute → type, sorted by attribute. */
  public SortedMap<String, AttributeType> types() {
    return types;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileColumns
        && columns.equals(((ProfileColumns) o).columns)
        && types.equals(((ProfileColumns) o).types);
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31 + types.hashCode();
  }

  @Override
  public String toString() {
    return "ProfileColumns" + columns + types;
  }
}
