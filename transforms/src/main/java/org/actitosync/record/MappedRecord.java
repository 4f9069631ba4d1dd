package org.actitosync.record;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The mapped attributes of one source row: the key (the canonical text of the value feeding the
 * custom table's primary key attribute) and the canonical value of every mapped attribute.
 *
 * <p>Null values are not stored: a null value and an absent attribute are the same. Values that
 * could not be converted to their attribute's type are listed in {@link #invalid()} with the
 * reason; such a record is rejected by classification, never sent.
 */
@AutoValue
public abstract class MappedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The canonical key, or {@code null} when the source key was null or empty. */
  public abstract @Nullable String key();

  /**
   * Attribute name → canonical value, for non-null values, sorted by attribute name. For a record
   * mapped from a row or decoded by its layout's coder these are {@link PositionalValues}.
   */
  public abstract SortedMap<String, String> values();

  /** Attribute name → why its source value is invalid; empty for a valid record. */
  public abstract SortedMap<String, String> invalid();

  /**
   * Profile attribute → canonical value of the segment columns used only for profiles ({@code
   * profiles.attributes} with a {@code column}), non-null values only. They are not attributes of
   * the custom table: never digested, never in the snapshot, sent only when a profile is created.
   */
  public abstract SortedMap<String, String> profileValues();

  public boolean isValid() {
    return invalid().isEmpty();
  }

  public static MappedRecord of(@Nullable String key, Map<String, String> values) {
    return create(key, values, Collections.emptyMap());
  }

  public static MappedRecord create(
      @Nullable String key, Map<String, String> values, Map<String, String> invalid) {
    return create(key, values, invalid, Collections.emptyMap());
  }

  public static MappedRecord create(
      @Nullable String key,
      Map<String, String> values,
      Map<String, String> invalid,
      Map<String, String> profileValues) {
    String normalisedKey = key == null || key.isEmpty() ? null : key;
    return new AutoValue_MappedRecord(
        normalisedKey, sorted(values), sorted(invalid), sorted(profileValues));
  }

  /**
   * The record this package's {@link RecordMapper} built, taken as it is: {@code values} by
   * position in its layout, {@code invalid} (null for none) in natural name order with no null
   * value, neither changed after (the mapper hands them over). {@link #create} copies instead; the
   * result is equal.
   */
  static MappedRecord adopt(
      @Nullable String key,
      AttributeLayout layout,
      @Nullable String[] values,
      @Nullable TreeMap<String, String> invalid) {
    return new AutoValue_MappedRecord(
        key == null || key.isEmpty() ? null : key,
        PositionalValues.adopt(layout, values),
        invalid == null ? Collections.emptySortedMap() : readOnly(invalid),
        Collections.emptySortedMap());
  }

  private static SortedMap<String, String> readOnly(TreeMap<String, String> map) {
    return map.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(map);
  }

  private static SortedMap<String, String> sorted(Map<String, String> map) {
    if (map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    if (map instanceof PositionalValues) {
      return (PositionalValues) map; // immutable, no null value: nothing to copy
    }
    if (map instanceof SortedMap
        && ((SortedMap<String, String>) map).comparator() == null
        && !map.containsValue(null)) {
      // already in name order: copied in linear time, no rebalancing (the coders' decode path)
      return Collections.unmodifiableSortedMap(new TreeMap<>((SortedMap<String, String>) map));
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (e.getValue() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
