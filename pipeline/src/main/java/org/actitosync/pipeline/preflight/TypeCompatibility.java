package org.actitosync.pipeline.preflight;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.actitosync.record.AttributeType;

/**
 * Which mapped types an Actito attribute can take (pure). A mapped value's type must be one the
 * attribute stores without loss: a text column into a LONG attribute is an error; a whole number
 * into a NUMBER attribute is fine.
 */
public final class TypeCompatibility {
  private TypeCompatibility() {}

  /** Why {@code mapped} cannot go into an attribute of Actito type {@code actito}, or empty. */
  public static Optional<String> problem(AttributeType mapped, String actito) {
    String type = actito.toUpperCase(Locale.ROOT);
    Set<String> accepted;
    switch (mapped) {
      case STRING:
        accepted = Set.of("STRING", "TEXT", "EMAIL", "PHONE_NUMBER");
        break;
      case LONG:
        accepted = Set.of("LONG", "INTEGER", "NUMBER", "STRING");
        break;
      case NUMBER:
        accepted = Set.of("NUMBER", "STRING");
        break;
      case BOOLEAN:
        accepted = Set.of("BOOLEAN", "STRING");
        break;
      case DATE:
        accepted = Set.of("DATE", "TIMESTAMP", "STRING");
        break;
      case TIMESTAMP:
        accepted = Set.of("TIMESTAMP", "STRING");
        break;
      default:
        accepted = Set.of();
    }
    return accepted.contains(type)
        ? Optional.empty()
        : Optional.of("a " + mapped + " value cannot go into an attribute of type " + type);
  }

  /** The Actito value type to create for a mapped type. */
  public static String actitoTypeFor(AttributeType mapped) {
    return mapped.name();
  }
}
