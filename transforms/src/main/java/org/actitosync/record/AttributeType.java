package org.actitosync.record;

/**
 * The value types of an Actito custom-table attribute that actito-sync writes. Each type has one
 * canonical text form (see {@link CanonicalValues}) so that digests are type-stable.
 */
public enum AttributeType {
  STRING,
  LONG,
  NUMBER,
  BOOLEAN,
  DATE,
  TIMESTAMP
}
