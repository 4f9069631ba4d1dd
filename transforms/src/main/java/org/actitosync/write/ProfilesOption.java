package org.actitosync.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Insert missing profiles": before rows are written, the distinct profiles they reference (by
 * {@link #linkAttribute()} of the custom table, matched to the unique profile attribute {@link
 * #profileAttribute()}) are looked up, and missing ones created with the profile attributes given
 * by {@link #profileAttributes()} (profile attribute ← custom-table attribute of the row). Each
 * profile is handled once per run, whatever the number of rows referencing it.
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

  public static ProfilesOption of(
      String profileTable,
      String linkAttribute,
      String profileAttribute,
      Map<String, String> profileAttributes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(profileAttribute, linkAttribute);
    attributes.putAll(profileAttributes);
    return new AutoValue_ProfilesOption(
        profileTable, linkAttribute, profileAttribute, Collections.unmodifiableMap(attributes));
  }
}
