package org.actitosync.actito.imports;

/** Which kind of table an import targets ({@code customTable/{t}/import} or {@code table/{t}/import}). */
public enum TableKind {
  CUSTOM_TABLE,
  PROFILE_TABLE
}
