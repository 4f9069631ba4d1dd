package org.actitosync.emulator.validation;

import org.actitosync.emulator.model.ForeignKeyDef;

/** Tells whether a foreign-key value exists in the referenced table. */
@FunctionalInterface
public interface ForeignKeyChecker {
  /** Accepts everything: used when seeding data and for admin puts. */
  ForeignKeyChecker NONE = (entity, fk, value) -> true;

  /** True when the referenced table of {@code entity} holds {@code value} in the referenced attribute. */
  boolean exists(String entity, ForeignKeyDef fk, Object value);
}
