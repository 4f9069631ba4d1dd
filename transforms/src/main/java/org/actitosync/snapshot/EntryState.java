package org.actitosync.snapshot;

/** What the snapshot knows of a key's destination record. */
public enum EntryState {
  /** Actito acknowledged a create or update from this activation; only these are ever deleted. */
  OWNED,
  /** Every write so far was rejected or failed; digests unknown, retried every run. */
  PENDING,
  /** An update-only found no record in Actito: not retried (UPDATE mode) until the row changes. */
  ABSENT,
  /** A create-only found a record someone else created: never modified in INSERT mode. */
  FOREIGN
}
