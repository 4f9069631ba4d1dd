package org.actitosync.actito.profiles;

import com.google.auto.value.AutoValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A profile read from Actito: its technical id and attributes in Actito's order. */
@AutoValue
public abstract class Profile {
  public abstract long profileId();

  public abstract Map<String, Object> attributes();

  public static Profile of(long profileId, Map<String, Object> attributes) {
    return new AutoValue_Profile(profileId,
        Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
  }
}
