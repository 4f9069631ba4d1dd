package org.actitosync.actito.profiles;

import com.google.auto.value.AutoValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A profile read from Actito: its technical id and attributes in Actito's order. The profile's
 * existence is proven by Actito's 200; the id is empty when the answer carries none (neither
 * top-level nor among the attributes).
 */
@AutoValue
public abstract class Profile {
  public abstract OptionalLong profileId();

  /** The attributes Actito returned ({@code profileId} included when it is listed there). */
  public abstract Map<String, Object> attributes();

  public static Profile of(OptionalLong profileId, Map<String, Object> attributes) {
    return new AutoValue_Profile(profileId,
        Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
  }
}
