package org.actitosync.emulator.model;

/** Whether a table is a profile table or a custom table. */
public enum TableKind {
  PROFILE_TABLE, CUSTOM_TABLE
}
