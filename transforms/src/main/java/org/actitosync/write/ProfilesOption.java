package org.actitosync.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.record.AttributeType;

/**
 * "Insert missing profiles": before rows are written, the distinct profiles they reference (by
 * {@link #linkAttribute()} of the custom table, matched to the unique profile attribute {@link
 * #profileAttribute()}) are looked up, and missing ones created with the profile attributes given
 * by {@link #profileAttributes()} (profile attribute ← custom-table attribute of the row) and by
 * {@link #profileOnlyTypes()} (profile attribute ← a segment column read only for profiles). Each
 * profile is handled once per run, whatever the number of rows referencing it; an existing profile
 * is never modified.
 */
@AutoValue
public abstract class ProfilesOption implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String profileTable();

  /** The custom-table attribute that references the profile (e.g. {@code customerId}). */
  public abstract String linkAttribute();

  /** The unique profile attribute it references (e.g. {@code customerId}). */
  public abstract String profileAttribute();

  /** Profile attribute → custom-table attribute whose value it takes when a profile is created. */
  public abstract Map<String, String> profileAttributes();

  /**
   * Profile attribute → type of the profile-only segment columns: their values come from {@link
   * org.actitosync.change.Classification#profileValues()}, typed by this type on the wire.
   */
  public abstract Map<String, AttributeType> profileOnlyTypes();

  public static ProfilesOption of(
      String profileTable,
      String linkAttribute,
      String profileAttribute,
      Map<String, String> profileAttributes) {
    return of(profileTable, linkAttribute, profileAttribute, profileAttributes, Map.of());
  }

  public static ProfilesOption of(
      String profileTable,
      String linkAttribute,
      String profileAttribute,
      Map<String, String> profileAttributes,
      Map<String, AttributeType> profileOnlyTypes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(profileAttribute, linkAttribute);
    attributes.putAll(profileAttributes);
    for (String name : profileOnlyTypes.keySet()) {
      if (attributes.containsKey(name)) {
        throw new IllegalArgumentException(
            "profile attribute '" + name + "' is given both a custom-table attribute and a column");
      }
    }
    return new AutoValue_ProfilesOption(
        profileTable, linkAttribute, profileAttribute, Collections.unmodifiableMap(attributes),
        Collections.unmodifiableMap(new TreeMap<>(profileOnlyTypes)));
  }

  /** Every profile attribute a created profile may get, the link's {@link #profileAttribute()} included. */
  public java.util.Set<String> providedAttributes() {
    java.util.Set<String> all = new java.util.TreeSet<>(profileAttributes().keySet());
    all.addAll(profileOnlyTypes().keySet());
    return all;
  }
}
