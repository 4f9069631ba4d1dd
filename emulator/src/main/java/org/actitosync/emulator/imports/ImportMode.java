package org.actitosync.emulator.imports;

/**
 * Import modes. CREATE_UPDATE is confirmed by public code; CREATE_ONLY and UPDATE_ONLY are inferred
 * names of the UI's "Creation only" and "Update only".
 */
public enum ImportMode {
  CREATE_UPDATE(true, true), CREATE_ONLY(true, false), UPDATE_ONLY(false, true);

  private final boolean creates;
  private final boolean updates;

  ImportMode(boolean creates, boolean updates) {
    this.creates = creates;
    this.updates = updates;
  }

  /** Rows that do not exist yet are created (else SKIPPED). */
  public boolean creates() {
    return creates;
  }

  /** Rows that exist are updated (else SKIPPED, left unchanged). */
  public boolean updates() {
    return updates;
  }
}
