package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.actitosync.write.ProfilesOption;

/**
 * {@code profiles}: the profiles the custom table's rows reference. With {@code insertMissing}
 * on, missing profiles are created before the rows are written (then {@code table}, {@code
 * linkAttribute} and {@code profileAttribute} are required).
 */
@AutoValue
public abstract class ProfilesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract boolean insertMissing();

  public abstract Optional<String> table();

  /** The custom-table attribute referencing the profile. */
  public abstract Optional<String> linkAttribute();

  /** The unique profile attribute it references. */
  public abstract Optional<String> profileAttribute();

  /** Profile attribute → custom-table attribute whose value it takes on creation. */
  public abstract Map<String, String> attributes();

  public static ProfilesConfig create(
      boolean insertMissing,
      Optional<String> table,
      Optional<String> linkAttribute,
      Optional<String> profileAttribute,
      Map<String, String> attributes) {
    return new AutoValue_ProfilesConfig(
        insertMissing, table, linkAttribute, profileAttribute, Map.copyOf(attributes));
  }

  /** The writer's option, present only with {@code insertMissing} on. */
  public Optional<ProfilesOption> toOption() {
    if (!insertMissing()) {
      return Optional.empty();
    }
    return Optional.of(
        ProfilesOption.of(
            table().orElseThrow(),
            linkAttribute().orElseThrow(),
            profileAttribute().orElseThrow(),
            attributes()));
  }
}
