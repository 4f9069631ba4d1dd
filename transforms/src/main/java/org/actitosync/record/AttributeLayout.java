package org.actitosync.record;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The attributes a mapping writes, with their types, in a fixed order (sorted by name). Per-attribute
 * digests in snapshot entries are stored by position in this order; the layout of the run that
 * wrote a snapshot is recorded in its manifest so entries can be projected onto a changed mapping.
 * Immutable.
 */
public final class AttributeLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SortedMap<String, AttributeType> types;
  private final List<String> names;
  /** The names and types by position, for the per-row paths that must not look names up. */
  private final String[] namesByPosition;
  private final AttributeType[] typesByPosition;

  private AttributeLayout(SortedMap<String, AttributeType> types) {
    TreeMap<String, AttributeType> interned = new TreeMap<>();
    types.forEach((name, type) -> interned.put(name.intern(), type));
    this.types = Collections.unmodifiableSortedMap(interned);
    this.names = Collections.unmodifiableList(new ArrayList<>(this.types.keySet()));
    this.namesByPosition = this.names.toArray(new String[0]);
    this.typesByPosition = this.types.values().toArray(new AttributeType[0]);
  }

  /**
   * A deserialised layout is built again: its names are then the interned instances that every
   * layout in this JVM, and every record mapped or decoded with one, shares, which lets {@link
   * #positions} match names by identity.
   */
  private Object readResolve() {
    return new AttributeLayout(types);
  }

  public static AttributeLayout of(Map<String, AttributeType> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a mapping needs at least one attribute");
    }
    return new AttributeLayout(new TreeMap<>(types));
  }

  /** Attribute names in layout order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  public AttributeType type(String name) {
    AttributeType type = types.get(name);
    if (type == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is not in the mapping");
    }
    return type;
  }

  /** The type of the attribute at {@code position} in layout order. */
  public AttributeType type(int position) {
    return typesByPosition[position];
  }

  /**
   * The values of {@code values} (attribute name → value) by position in this layout: element
   * {@code i} is the value of {@code names().get(i)}, or null when {@code values} has none. Names
   * outside the layout are left out. Linear in the sizes of both when {@code values} is in name
   * order (a {@link SortedMap} in natural order, as {@link MappedRecord#values()} is): no lookup
   * by name. A copy of the array, with no name matched, when {@code values} are {@link
   * PositionalValues} of this layout (or an equal one), as a mapped or decoded record's are.
   */
  public String[] positions(Map<String, String> values) {
    if (values instanceof PositionalValues && equals(((PositionalValues) values).layout())) {
      return ((PositionalValues) values).toArray();
    }
    String[] positioned = new String[namesByPosition.length];
    if (!(values instanceof SortedMap) || ((SortedMap<String, String>) values).comparator() != null) {
      for (int i = 0; i < positioned.length; i++) {
        positioned[i] = values.get(namesByPosition[i]);
      }
      return positioned;
    }
    int i = 0;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String name = entry.getKey();
      int order = 1;
      // a record's names are mostly this layout's own String instances: identity first
      while (i < positioned.length && namesByPosition[i] != name && (order = namesByPosition[i].compareTo(name)) < 0) {
        i++;
      }
      if (i == positioned.length) {
        break;
      }
      if (namesByPosition[i] == name || order == 0) {
        positioned[i++] = entry.getValue();
      }
    }
    return positioned;
  }

  public Map<String, AttributeType> types() {
    return types;
  }

  /** Position of {@code name} in this layout, or -1. */
  public int indexOf(String name) {
    int index = Collections.binarySearch(names, name);
    return index < 0 ? -1 : index;
  }

  /**
   * A stable fingerprint of the attribute names and types: two mappings with the same fingerprint
   * produce comparable digests.
   */
  public String fingerprint() {
    Hasher hasher = Hashing.murmur3_128().newHasher();
    for (Map.Entry<String, AttributeType> e : types.entrySet()) {
      hasher.putString(e.getKey(), StandardCharsets.UTF_8).putByte((byte) 0);
      hasher.putString(e.getValue().name(), StandardCharsets.UTF_8).putByte((byte) '\n');
    }
    return hasher.hash().toString();
  }

  /** Same names and types in the same order; by the arrays, cheaply (a per-row check). */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof AttributeLayout
        && Arrays.equals(namesByPosition, ((AttributeLayout) o).namesByPosition)
        && Arrays.equals(typesByPosition, ((AttributeLayout) o).typesByPosition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(types);
  }

  @Override
  public String toString() {
    return types.toString();
  }
}
