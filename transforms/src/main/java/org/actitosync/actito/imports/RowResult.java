package org.actitosync.actito.imports;

import com.google.auto.value.AutoValue;

/** The outcome of one import row: status (CREATED, UPDATED, SKIPPED, ERROR…) and message. */
@AutoValue
public abstract class RowResult {
  public abstract String status();

  /** Actito's message for the row; empty when none. */
  public abstract String message();

  public boolean isError() {
    return status().equalsIgnoreCase("ERROR");
  }

  public static RowResult of(String status, String message) {
    return new AutoValue_RowResult(status, message == null ? "" : message);
  }
}
