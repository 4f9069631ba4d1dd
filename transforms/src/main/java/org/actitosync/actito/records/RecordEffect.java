package org.actitosync.actito.records;

/** What a record write did. */
public enum RecordEffect {
  /** The record did not exist and was created. */
  CREATED,
  /** An existing record was updated. */
  UPDATED,
  /** Upserted, but Actito did not say whether it created or updated. */
  UPSERTED,
  /** Create-only: the record already existed and was left untouched. */
  EXISTS,
  /** Update-only: no record with that key; nothing was written. */
  NOT_FOUND,
  /** The record was deleted. */
  DELETED,
  /** Delete of a record that was already gone (404): counts as success. */
  ALREADY_ABSENT
}
