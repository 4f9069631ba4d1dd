package org.actitosync.pipeline.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.actitosync.actito.structure.AttributeDefinition;
import org.actitosync.actito.structure.TableStructure;
import org.actitosync.pipeline.config.ProfilesConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;

/**
 * What "insert missing profiles" needs from the profile table (pure): every mandatory attribute is
 * provided (the technical {@code profileId}, {@code creationMoment}, {@code updateMoment} excepted;
 * the link's {@code profileAttribute} counts), every configured attribute exists, every value
 * type converts into its attribute, and {@code profileAttribute} is unique (profiles are found by
 * it). Also types each profile-only column given without a type from its profile attribute.
 */
public final class ProfileTableCheck {
  /** Technical attributes Actito fills itself; never required from the config. */
  public static final Set<String> TECHNICAL = Set.of("profileId", "creationMoment", "updateMoment");

  /** The problems found (one line each, with the config path) and the profile-only column types. */
  public record Result(List<String> problems, Map<String, AttributeType> columnTypes) {}

  private ProfileTableCheck() {}

  public static Result check(ProfilesConfig profiles, AttributeLayout layout, TableStructure table) {
    List<String> problems = new ArrayList<>();
    Map<String, AttributeType> types = new TreeMap<>();
    String name = table.name();
    String profileAttribute = profiles.profileAttribute().orElseThrow();
    Optional<AttributeDefinition> linked = table.attribute(profileAttribute);
    if (linked.isEmpty()) {
      problems.add("profiles.profileAttribute: '" + profileAttribute + "' does not exist in profile table '" + name + "'");
    } else {
      if (!linked.get().unique()) {
        problems.add("profiles.profileAttribute: '" + profileAttribute + "' is not unique in profile table '" + name
            + "': profiles cannot be found by it");
      }
      String link = profiles.linkAttribute().orElseThrow();
      if (layout.indexOf(link) >= 0) {
        convert(layout.type(link), linked.get(), "profiles.linkAttribute", "'" + link + "'").ifPresent(problems::add);
      }
    }
    profiles.attributes().forEach((attribute, recordAttribute) -> {
      Optional<AttributeDefinition> def = exists(table, attribute, problems);
      if (def.isPresent() && layout.indexOf(recordAttribute) >= 0) {
        convert(layout.type(recordAttribute), def.get(), "profiles.attributes." + attribute,
            "'" + recordAttribute + "'").ifPresent(problems::add);
      }
    });
    profiles.columns().forEach((attribute, column) -> {
      Optional<AttributeDefinition> def = exists(table, attribute, problems);
      if (def.isPresent()) {
        AttributeType type = column.type().orElse(typeOf(def.get()));
        types.put(attribute, type);
        convert(type, def.get(), "profiles.attributes." + attribute, "column '" + column.column() + "'")
            .ifPresent(problems::add);
      }
    });
    for (AttributeDefinition attribute : table.attributes()) {
      String n = attribute.name();
      if (attribute.mandatory() && !TECHNICAL.contains(n) && !n.equals(profileAttribute)
          && !profiles.attributes().containsKey(n) && !profiles.columns().containsKey(n)) {
        problems.add("profiles.attributes: mandatory attribute '" + n + "' of profile table '" + name
            + "' is not provided: a profile cannot be created without it (add " + n + ": {column: COLUMN})");
      }
    }
    return new Result(problems, types);
  }

  private static Optional<AttributeDefinition> exists(TableStructure table, String attribute, List<String> problems) {
    Optional<AttributeDefinition> def = table.attribute(attribute);
    if (def.isEmpty()) {
      problems.add("profiles.attributes." + attribute + ": '" + attribute + "' does not exist in profile table '"
          + table.name() + "'");
    } else if (TECHNICAL.contains(attribute)) {
      problems.add("profiles.attributes." + attribute + ": '" + attribute + "' is technical: Actito sets it");
      return Optional.empty();
    }
    return def;
  }

  private static Optional<String> convert(AttributeType type, AttributeDefinition def, String path, String from) {
    return TypeCompatibility.problem(type, actitoType(def))
        .map(why -> path + ": " + from + " into profile attribute '" + def.name() + "': " + why);
  }

  /**
   * The value type of a profile attribute: its {@code valueType} (CUSTOM attributes), else the one
   * its predefined {@code type} implies (BIRTHDATE a DATE, EMAIL_ADDRESS an e-mail text, the
   * other predefined ones text).
   */
  static String actitoType(AttributeDefinition def) {
    if (def.valueType().isPresent()) {
      return def.valueType().get();
    }
    String predefined = def.type().orElse("STRING").toUpperCase(Locale.ROOT);
    switch (predefined) {
      case "BIRTHDATE":
        return "DATE";
      case "EMAIL_ADDRESS":
        return "EMAIL";
      default:
        return "STRING";
    }
  }

  /** The canonical type of a profile attribute's values (for a column given without a type). */
  static AttributeType typeOf(AttributeDefinition def) {
    switch (actitoType(def).toUpperCase(Locale.ROOT)) {
      case "LONG":
      case "INTEGER":
        return AttributeType.LONG;
      case "NUMBER":
        return AttributeType.NUMBER;
      case "BOOLEAN":
        return AttributeType.BOOLEAN;
      case "DATE":
        return AttributeType.DATE;
      case "TIMESTAMP":
        return AttributeType.TIMESTAMP;
      default:
        return AttributeType.STRING;
    }
  }
}
