package org.actitosync.change;

/** The one classification every key gets in a run. */
public enum ChangeKind {
  /** New to the snapshot: to be created. */
  INSERT,
  /** Changed since the snapshot (or, in UPDATE mode, new to it): named attributes to be updated. */
  UPDATE,
  /** Gone from the source, written by this activation, MIRROR mode: to be deleted permanently. */
  DELETE,
  /** Same digests as the snapshot: nothing to send. */
  UNCHANGED,
  /** A difference the sync mode filters out; the previous snapshot entry is kept. */
  SKIPPED,
  /** Bad source rows (null or empty key, duplicate key, invalid value): nothing sent for the key. */
  REJECTED;

  /** Whether this kind is sent to Actito. */
  public boolean isChange() {
    return this == INSERT || this == UPDATE || this == DELETE;
  }
}
