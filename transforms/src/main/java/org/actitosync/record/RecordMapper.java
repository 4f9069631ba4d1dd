package org.actitosync.record;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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
  private final String keyAttribute;
  private final ProfileColumns profileColumns;
  /** The source columns read, without repeats: the attributes' in layout order, then the profile-only ones. */
  private final List<String> columns;
  /** For each attribute by position in the layout, the index of its source column in {@link #columns}. */
  private final int[] columnOfPosition;
  /** The index in {@link #columns} of the key attribute's source column. */
  private final int keyColumn;
  /** The key attribute's position in the layout. */
  private final int keyPosition;
  /** The profile-only attributes in name order, their types and the indexes of their columns. */
  private final String[] profileAttributes;
  private final AttributeType[] profileTypes;
  private final int[] profileColumnIndexes;

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
    this.keyAttribute = keyAttribute;
    this.profileColumns = profileColumns;
    List<String> read = new ArrayList<>();
    this.columnOfPosition = layout.names().stream().mapToInt(a -> indexOf(read, columnByAttribute.get(a))).toArray();
    this.keyColumn = indexOf(read, columnByAttribute.get(keyAttribute));
    this.keyPosition = layout.indexOf(keyAttribute);
    this.profileAttributes = profileColumns.types().keySet().toArray(new String[0]);
    this.profileTypes = profileColumns.types().values().toArray(new AttributeType[0]);
    this.profileColumnIndexes =
        profileColumns.types().keySet().stream().mapToInt(a -> indexOf(read, profileColumns.columns().get(a))).toArray();
    this.columns = List.copyOf(read);
  }

  /** The index of {@code column} in {@code columns}, added at the end if it is not there yet. */
  private static int indexOf(List<String> columns, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      columns.add(column);
      return columns.size() - 1;
    }
    return index;
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

  /**
   * The source columns this mapper reads, without repeats: {@link #map(Object[])} takes their
   * values in this order.
   */
  public List<String> columns() {
    return columns;
  }

  /** Maps one row (column name → value; an absent column reads as null). */
  public MappedRecord map(Map<String, ?> row) {
    Object[] values = new Object[columns.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = row.get(columns.get(c));
    }
    return map(values);
  }

  /**
   * Maps one row given as the values of {@link #columns()}, in that order: what {@link #map(Map)}
   * returns for the same values, without looking a column up by name (a JDBC read's per-row path).
   */
  public MappedRecord map(Object[] row) {
    String[] values = new String[columnOfPosition.length]; // by position in the layout
    TreeMap<String, String> invalid = null; // made for the first invalid value: nearly never
    for (int i = 0; i < columnOfPosition.length; i++) {
      Object raw = row[columnOfPosition[i]];
      try {
        values[i] = CanonicalValues.canonicalize(layout.type(i), raw);
      } catch (InvalidValueException e) {
        invalid = invalid == null ? new TreeMap<>() : invalid;
        invalid.put(layout.names().get(i), e.getMessage());
      }
    }
    @Nullable String key = values[keyPosition];
    if (key == null && invalid != null && invalid.containsKey(keyAttribute)) {
      key = CanonicalValues.shorten(row[keyColumn]);
    }
    if (profileColumns.isEmpty()) {
      return MappedRecord.adopt(key, layout, values, invalid);
    }
    invalid = invalid == null ? new TreeMap<>() : invalid;
    Map<String, String> profileValues = new TreeMap<>();
    for (int p = 0; p < profileAttributes.length; p++) {
      try {
        String canonical = CanonicalValues.canonicalize(profileTypes[p], row[profileColumnIndexes[p]]);
        if (canonical != null) {
          profileValues.put(profileAttributes[p], canonical);
        }
      } catch (InvalidValueException ex) {
        invalid.put(PROFILE_PREFIX + profileAttributes[p], ex.getMessage());
      }
    }
    return MappedRecord.create(key, PositionalValues.adopt(layout, values), invalid, profileValues);
  }
}
