package org.actitosync.actito.imports;

/**
 * v4 import modes. CREATE_UPDATE is confirmed by working public code; CREATE_ONLY and UPDATE_ONLY
 * are inferred from the UI's "Creation only" / "Update only" (and served by the emulator).
 */
public enum ImportMode {
  CREATE_UPDATE,
  CREATE_ONLY,
  UPDATE_ONLY
}
