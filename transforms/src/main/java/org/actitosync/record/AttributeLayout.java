package org.actitosync.record;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  private AttributeLayout(SortedMap<String, AttributeType> types) {
    this.types = Collections.unmodifiableSortedMap(new TreeMap<>(types));
    this.names = Collections.unmodifiableList(new ArrayList<>(this.types.keySet()));
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

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeLayout && types.equals(((AttributeLayout) o).types);
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
