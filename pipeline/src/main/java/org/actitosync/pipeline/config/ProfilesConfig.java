package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.record.AttributeType;
import org.actitosync.record.ProfileColumns;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.actitosync.write.ProfilesOption;

/**
 * {@code profiles}: the profiles the custom table's rows reference. With {@code insertMissing}
 * on, missing profiles are created before the rows are written (then {@code table}, {@code
 * linkAttribute} and {@code profileAttribute} are required). A created profile gets the link value
 * and the {@code attributes}: each either copied from a custom-table attribute of the row, or read
 * from a segment column used only for profiles. Existing profiles are never modified.
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

  /**
   * Profile attribute → custom-table attribute whose value it takes on creation (the old form,
   * {@code PROFILE_ATTRIBUTE: ATTRIBUTE}, still accepted).
   */
  public abstract Map<String, String> attributes();

  /**
   * Profile attribute → segment column read only for profiles (the form {@code PROFILE_ATTRIBUTE:
   * {column: COLUMN, type: TYPE}}).
   */
  public abstract Map<String, ProfileColumn> columns();

  public static ProfilesConfig create(
      boolean insertMissing,
      Optional<String> table,
      Optional<String> linkAttribute,
      Optional<String> profileAttribute,
      Map<String, String> attributes) {
    return create(insertMissing, table, linkAttribute, profileAttribute, attributes, Map.of());
  }

  public static ProfilesConfig create(
      boolean insertMissing,
      Optional<String> table,
      Optional<String> linkAttribute,
      Optional<String> profileAttribute,
      Map<String, String> attributes,
      Map<String, ProfileColumn> columns) {
    return new AutoValue_ProfilesConfig(
        insertMissing, table.orElse(null), linkAttribute.orElse(null), profileAttribute.orElse(null),
        Map.copyOf(attributes), Collections.unmodifiableMap(new TreeMap<>(columns)));
  }

  /**
   * The profile-only columns with their types: the explicit {@code type}, else the one {@code
   * resolved} gives (the profile table's, from preflight), else STRING. Empty unless {@code
   * insertMissing} is on (the columns are read only to create profiles).
   */
  public ProfileColumns profileColumns(Map<String, AttributeType> resolved) {
    if (!insertMissing() || columns().isEmpty()) {
      return ProfileColumns.none();
    }
    Map<String, String> byAttribute = new TreeMap<>();
    Map<String, AttributeType> types = new TreeMap<>();
    columns().forEach((attribute, column) -> {
      byAttribute.put(attribute, column.column());
      types.put(attribute, column.type().orElse(resolved.getOrDefault(attribute, AttributeType.STRING)));
    });
    return ProfileColumns.of(byAttribute, types);
  }

  /** The writer's option, with the profile-only columns typed from the config alone. */
  public Optional<ProfilesOption> toOption() {
    return toOption(profileColumns(Map.of()));
  }

  /** The writer's option, present only with {@code insertMissing} on. */
  public Optional<ProfilesOption> toOption(ProfileColumns profileColumns) {
    if (!insertMissing()) {
      return Optional.empty();
    }
    return Optional.of(
        ProfilesOption.of(
            table().orElseThrow(),
            linkAttribute().orElseThrow(),
            profileAttribute().orElseThrow(),
            attributes(),
            profileColumns.types()));
  }
}
