package org.actitosync.emulator.model;

/**
 * A foreign key of a custom table: {@code attribute} must hold a value that exists as
 * {@code referencedAttribute} in the referenced table of the same entity.
 *
 * @param name the key's name
 * @param attribute the attribute of this table
 * @param referencedTableType PROFILE_TABLE or CUSTOM_TABLE
 * @param referencedTableId the referenced table's id (its name is accepted too)
 * @param referencedAttribute the referenced attribute
 * @param onDelete CASCADE or null
 */
public record ForeignKeyDef(String name, String attribute, TableKind referencedTableType,
    String referencedTableId, String referencedAttribute, String onDelete) {

  /** True when deleting the referenced row deletes the referencing rows. */
  public boolean cascades() {
    return "CASCADE".equalsIgnoreCase(onDelete);
  }
}
