package org.actitosync.actito.structure;

import com.google.auto.value.AutoValue;

/** Actito's answer to a table change request: its id and status (e.g. APPLIED). */
@AutoValue
public abstract class ChangeRequestResult {
  public abstract String id();

  public abstract String status();

  public static ChangeRequestResult of(String id, String status) {
    return new AutoValue_ChangeRequestResult(id, status);
  }
}
