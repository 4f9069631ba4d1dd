package org.actitosync.record;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A record's values (attribute name → canonical value) held by position in an {@link
 * AttributeLayout}: one array slot per attribute of the layout, null where the record has no value.
 * It is the {@link MappedRecord#values()} of a record mapped from a row or decoded by its layout's
 * coder, which then never builds a tree of its values; {@link AttributeLayout#positions} of it is a
 * copy of the array, with no name matched.
 *
 * <p>Guarantees: an immutable {@link SortedMap} in the names' natural order (the layout's order),
 * equal to (and with the hash code and string form of) a {@link TreeMap} holding the same entries;
 * no null value; every mutator throws {@link UnsupportedOperationException}. Lookups by name are a
 * binary search of the layout's names; {@link #subMap}, {@link #headMap} and {@link #tailMap},
 * which no per-row path uses, return read-only copies.
 */
public final class PositionalValues extends AbstractMap<String, String>
    implements SortedMap<String, String>, Serializable {
  private static final long serialVersionUID = 1L;

  private final AttributeLayout layout;
  private final @Nullable String[] values;
  private final int size;

  private PositionalValues(AttributeLayout layout, @Nullable String[] values) {
    if (values.length != layout.size()) {
      throw new IllegalArgumentException(
          values.length + " values for the " + layout.size() + " attributes of " + layout.names());
    }
    int present = 0;
    for (String value : values) {
      if (value != null) {
        present++;
      }
    }
    this.layout = layout;
    this.values = values;
    this.size = present;
  }

  /**
   * The values {@code values} gives by position in {@code layout} (element {@code i} the value of
   * {@code layout.names().get(i)}, or null for none), copied.
   */
  public static PositionalValues of(AttributeLayout layout, @Nullable String[] values) {
    return new PositionalValues(layout, values.clone());
  }

  /** As {@link #of}, taking the array as it is: the caller never changes it after. */
  static PositionalValues adopt(AttributeLayout layout, @Nullable String[] values) {
    return new PositionalValues(layout, values);
  }

  /** The layout the values are positioned in. */
  public AttributeLayout layout() {
    return layout;
  }

  /** A copy of the values by position in {@link #layout()} (null where there is none). */
  @Nullable String[] toArray() {
    return values.clone();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public @Nullable String get(Object name) {
    int position = name instanceof String ? layout.indexOf((String) name) : -1;
    return position < 0 ? null : values[position];
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next = present(0);

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, String> entry = new SimpleImmutableEntry<>(layout.names().get(next), values[next]);
            next = present(next + 1);
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** The first position from {@code from} on that holds a value, or the array's length. */
  private int present(int from) {
    int i = from;
    while (i < values.length && values[i] == null) {
      i++;
    }
    return i;
  }

  @Override
  public @Nullable Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public String firstKey() {
    int first = present(0);
    if (first == values.length) {
      throw new NoSuchElementException();
    }
    return layout.names().get(first);
  }

  @Override
  public String lastKey() {
    for (int i = values.length - 1; i >= 0; i--) {
      if (values[i] != null) {
        return layout.names().get(i);
      }
    }
    throw new NoSuchElementException();
  }

  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }
}
