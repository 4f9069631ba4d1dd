package org.actitosync.classify;

import org.actitosync.change.WriteSemantics;

/** The sync modes of an activation (design.md section 3). */
public enum SyncMode {
  /** New keys are created; an existing destination record is never modified; nothing deleted. */
  INSERT(WriteSemantics.CREATE_ONLY),
  /** Changed keys are updated; keys new to the snapshot are updated if they exist in Actito. */
  UPDATE(WriteSemantics.UPDATE_ONLY),
  /** New keys created, changed keys updated; nothing deleted. */
  UPSERT(WriteSemantics.CREATE_OR_UPDATE),
  /** As UPSERT, plus permanent deletion of keys this activation wrote that left the source. */
  MIRROR(WriteSemantics.CREATE_OR_UPDATE);

  private final WriteSemantics writeSemantics;

  SyncMode(WriteSemantics writeSemantics) {
    this.writeSemantics = writeSemantics;
  }

  /** The semantics of creates and updates in this mode. */
  public WriteSemantics writeSemantics() {
    return writeSemantics;
  }

  public boolean creates() {
    return this != UPDATE;
  }

  public boolean updatesExisting() {
    return this != INSERT;
  }

  public boolean deletes() {
    return this == MIRROR;
  }
}
