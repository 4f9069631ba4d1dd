package org.actitosync.actito.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.value.AutoValue;
import java.util.Optional;
import java.util.OptionalInt;
import org.actitosync.actito.http.Json;

/**
 * One attribute of a table structure, in Actito's v5 shape: {@code name}, {@code valueType}
 * (STRING, LONG, NUMBER, BOOLEAN, DATE, TIMESTAMP, …), predefined {@code type} on profile tables,
 * {@code mandatory}, {@code unique}, {@code indexed}, {@code valueRestriction.maxLength}.
 */
@AutoValue
public abstract class AttributeDefinition {
  public abstract String name();

  public abstract Optional<String> valueType();

  /** Predefined profile attribute type (EMAIL_ADDRESS, …) when present. */
  public abstract Optional<String> type();

  public abstract boolean mandatory();

  public abstract boolean unique();

  public abstract boolean indexed();

  public abstract OptionalInt maxLength();

  public static Builder builder(String name, String valueType) {
    return new AutoValue_AttributeDefinition.Builder()
        .setName(name)
        .setValueType(Optional.ofNullable(valueType))
        .setType(Optional.empty())
        .setMandatory(false)
        .setUnique(false)
        .setIndexed(false)
        .setMaxLength(OptionalInt.empty());
  }

  /** Builder for {@link AttributeDefinition}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setName(String name);

    public abstract Builder setValueType(Optional<String> valueType);

    public abstract Builder setType(Optional<String> type);

    public abstract Builder setMandatory(boolean mandatory);

    public abstract Builder setUnique(boolean unique);

    public abstract Builder setIndexed(boolean indexed);

    public abstract Builder setMaxLength(OptionalInt maxLength);

    public Builder setMaxLength(int maxLength) {
      return setMaxLength(OptionalInt.of(maxLength));
    }

    public abstract AttributeDefinition build();
  }

  public ObjectNode toJson() {
    ObjectNode n = Json.object();
    n.put("name", name());
    valueType().ifPresent(v -> n.put("valueType", v));
    type().ifPresent(v -> n.put("type", v));
    n.put("mandatory", mandatory());
    n.put("unique", unique());
    n.put("indexed", indexed());
    maxLength().ifPresent(m -> n.putObject("valueRestriction").put("maxLength", m));
    return n;
  }

  public static AttributeDefinition fromJson(JsonNode n) {
    JsonNode max = n.path("valueRestriction").get("maxLength");
    return builder(n.path("name").asText(), text(n, "valueType"))
        .setType(Optional.ofNullable(text(n, "type")))
        .setMandatory(n.path("mandatory").asBoolean(false))
        .setUnique(n.path("unique").asBoolean(false))
        .setIndexed(n.path("indexed").asBoolean(false))
        .setMaxLength(max == null || !max.canConvertToInt()
            ? OptionalInt.empty() : OptionalInt.of(max.asInt()))
        .build();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
