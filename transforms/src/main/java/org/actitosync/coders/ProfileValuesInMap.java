package org.actitosync.coders;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the coders carry a record's profile-only values ({@code MappedRecord#profileValues()}) at no
 * cost when there are none: inside a name → value map they already write, each name prefixed with
 * NUL, a character no attribute name holds. A map without such names decodes to no profile values,
 * so the bytes of a run without profile-only columns are exactly what they were before. Pure.
 */
final class ProfileValuesInMap {
  private static final char MARK = '\u0000';

  private ProfileValuesInMap() {}

  /** {@code map} plus the profile values under marked names (the same instance when there are none). */
  static Map<String, String> merge(Map<String, String> map, Map<String, String> profileValues) {
    if (profileValues.isEmpty()) {
      return map;
    }
    TreeMap<String, String> merged = new TreeMap<>(map);
    profileValues.forEach((name, value) -> merged.put(MARK + name, value));
    return merged;
  }

  /** Removes the marked names from {@code decoded} and returns them, unmarked. */
  static SortedMap<String, String> split(TreeMap<String, String> decoded) {
    if (decoded.isEmpty() || !decoded.firstKey().startsWith(String.valueOf(MARK))) {
      return new TreeMap<>();
    }
    TreeMap<String, String> profile = new TreeMap<>();
    while (!decoded.isEmpty() && decoded.firstKey().startsWith(String.valueOf(MARK))) {
      Map.Entry<String, String> e = decoded.pollFirstEntry();
      profile.put(e.getKey().substring(1), e.getValue());
    }
    return profile;
  }
}
