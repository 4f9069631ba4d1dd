package org.actitosync.change;

/** How a change must be applied on the wire (design.md section 3). */
public enum WriteSemantics {
  /** Create only: an existing destination record is never modified (INSERT mode). */
  CREATE_ONLY,
  /** Update only: never creates (UPDATE mode). */
  UPDATE_ONLY,
  /** Create or update (UPSERT and MIRROR). */
  CREATE_OR_UPDATE,
  /** Permanent deletion (MIRROR). */
  DELETE
}
