package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Optional;
import org.actitosync.record.AttributeType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@code profiles.attributes} item of the column form, {@code PROFILE_ATTRIBUTE: {column:
 * COLUMN, type: TYPE}}: a segment column read only to create profiles (never a custom-table
 * attribute). Without a type, the profile table's attribute type is used (resolved by preflight).
 */
@AutoValue
public abstract class ProfileColumn implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String column();

  abstract @Nullable AttributeType typeOrNull();

  public Optional<AttributeType> type() {
    return Optional.ofNullable(typeOrNull());
  }

  public static ProfileColumn of(String column, Optional<AttributeType> type) {
    return new AutoValue_ProfileColumn(column, type.orElse(null));
  }
}
