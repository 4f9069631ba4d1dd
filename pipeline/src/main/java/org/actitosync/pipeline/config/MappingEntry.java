package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.actitosync.record.AttributeType;

/**
 * One {@code mapping} item: a source column feeding a custom-table attribute. Without an explicit
 * type, the type is inferred from the source schema (see {@link
 * ActivationConfig#attributeLayout(java.util.Map)}). {@code create} allows the launcher to create
 * the attribute in Actito when the table lacks it.
 */
@AutoValue
public abstract class MappingEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String column();

  public abstract String attribute();

  abstract @Nullable AttributeType typeOrNull();

  public Optional<AttributeType> type() {
    return Optional.ofNullable(typeOrNull());
  }

  public abstract boolean create();

  public static MappingEntry of(
      String column, String attribute, Optional<AttributeType> type, boolean create) {
    return new AutoValue_MappingEntry(column, attribute, type.orElse(null), create);
  }
}
