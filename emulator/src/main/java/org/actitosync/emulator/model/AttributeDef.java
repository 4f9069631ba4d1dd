package org.actitosync.emulator.model;

import java.util.List;

/**
 * One attribute of a table structure.
 *
 * @param name technical name (case-sensitive)
 * @param valueType the validated type
 * @param mandatory a value is required on creation and cannot be cleared
 * @param unique values are unique within the table (used to match profiles)
 * @param minLength minimum length of text values, or null
 * @param maxLength maximum length of text values; 255 when the structure gives none (documented file limit)
 * @param acceptedValues allowed values, or an empty list for "any"
 */
public record AttributeDef(String name, ValueType valueType, boolean mandatory, boolean unique,
    Integer minLength, int maxLength, List<String> acceptedValues) {

  /** Default maximum length of a string value when the structure does not restrict it. */
  public static final int DEFAULT_MAX_LENGTH = 255;

  public AttributeDef {
    acceptedValues = List.copyOf(acceptedValues);
  }
}
