package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
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

  abstract @Nullable String tableOrNull();

  public Optional<String> table() {
    return Optional.ofNullable(tableOrNull());
  }

  /** The custom-table attribute referencing the profile. */
  abstract @Nullable String linkAttributeOrNull();

  public Optional<String> linkAttribute() {
    return Optional.ofNullable(linkAttributeOrNull());
  }

  /** The unique profile attribute it references. */
  abstract @Nullable String profileAttributeOrNull();

  public Optional<String> profileAttribute() {
    return Optional.ofNullable(profileAttributeOrNull());
  }

  /** Profile attribute → custom-table attribute whose value it takes on creation. */
  public abstract Map<String, String> attributes();

  public static ProfilesConfig create(
      boolean insertMissing,
      Optional<String> table,
      Optional<String> linkAttribute,
      Optional<String> profileAttribute,
      Map<String, String> attributes) {
    return new AutoValue_ProfilesConfig(
        insertMissing, table.orElse(null), linkAttribute.orElse(null), profileAttribute.orElse(null), Map.copyOf(attributes));
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
