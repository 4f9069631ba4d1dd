package org.actitosync.record;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps one source row (column name → value) to a {@link MappedRecord}: each mapped column's value
 * is canonicalised to its attribute's type; a value that cannot be is recorded as invalid with the
 * reason (the record is then rejected, never sent). The key is the canonical value of the column
 * mapped to the primary key attribute. Pure and thread-safe.
 */
public final class RecordMapper implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How an invalid profile-only value is named among a record's invalid values. */
  public static final String PROFILE_PREFIX = "profile:";

  private final AttributeLayout layout;
  private final Map<String, String> columnByAttribute;
  private final String keyAttribute;
  private final ProfileColumns profileColumns;
  /** The source column of each attribute, by position in the layout (no lookup by name per row). */
  private final String[] columnsByPosition;

  /**
   * @param layout the mapped attributes and their types
   * @param columnByAttribute for each attribute of the layout, the source column feeding it
   * @param keyAttribute the attribute that is the custom table's primary key
   */
  public RecordMapper(
      AttributeLayout layout, Map<String, String> columnByAttribute, String keyAttribute) {
    this(layout, columnByAttribute, keyAttribute, ProfileColumns.none());
  }

  /**
   * Also reads the profile-only columns: each value is canonicalised to its type and kept in
   * {@link MappedRecord#profileValues()}; a value that cannot be is invalid like any other (named
   * {@code profile:<attribute>}), so the row is rejected with the reason.
   */
  public RecordMapper(
      AttributeLayout layout,
      Map<String, String> columnByAttribute,
      String keyAttribute,
      ProfileColumns profileColumns) {
    for (String attribute : layout.names()) {
      if (!columnByAttribute.containsKey(attribute)) {
        throw new IllegalArgumentException("attribute '" + attribute + "' has no source column");
      }
    }
    if (layout.indexOf(keyAttribute) < 0) {
      throw new IllegalArgumentException("key attribute '" + keyAttribute + "' is not mapped");
    }
    this.layout = layout;
    this.columnByAttribute = Collections.unmodifiableMap(new LinkedHashMap<>(columnByAttribute));
    this.keyAttribute = keyAttribute;
    this.profileColumns = profileColumns;
    this.columnsByPosition = layout.names().stream().map(columnByAttribute::get).toArray(String[]::new);
  }

  public ProfileColumns profileColumns() {
    return profileColumns;
  }

  public AttributeLayout layout() {
    return layout;
  }

  public String keyAttribute() {
    return keyAttribute;
  }

  public MappedRecord map(Map<String, ?> row) {
    TreeMap<String, String> values = new TreeMap<>();
    TreeMap<String, String> invalid = new TreeMap<>();
    for (int i = 0; i < columnsByPosition.length; i++) {
      Object raw = row.get(columnsByPosition[i]);
      try {
        String canonical = CanonicalValues.canonicalize(layout.type(i), raw);
        if (canonical != null) {
          values.put(layout.names().get(i), canonical);
        }
      } catch (InvalidValueException e) {
        invalid.put(layout.names().get(i), e.getMessage());
      }
    }
    @Nullable String key = values.get(keyAttribute);
    if (key == null && invalid.containsKey(keyAttribute)) {
      key = CanonicalValues.shorten(row.get(columnByAttribute.get(keyAttribute)));
    }
    if (profileColumns.isEmpty()) {
      return MappedRecord.adopt(key, values, invalid);
    }
    Map<String, String> profileValues = new TreeMap<>();
    for (Map.Entry<String, AttributeType> e : profileColumns.types().entrySet()) {
      String attribute = e.getKey();
      try {
        String canonical =
            CanonicalValues.canonicalize(e.getValue(), row.get(profileColumns.columns().get(attribute)));
        if (canonical != null) {
          profileValues.put(attribute, canonical);
        }
      } catch (InvalidValueException ex) {
        invalid.put(PROFILE_PREFIX + attribute, ex.getMessage());
      }
    }
    return MappedRecord.create(key, values, invalid, profileValues);
  }
}
