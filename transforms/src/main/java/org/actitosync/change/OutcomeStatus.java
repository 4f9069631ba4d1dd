package org.actitosync.change;

/** What became of one change sent to Actito. */
public enum OutcomeStatus {
  /** Actito acknowledged the operation: the snapshot takes the change's next entry. */
  APPLIED,
  /** Actito refused this record (a permanent 4xx): previous entry kept, retried next run. */
  REJECTED,
  /** Retries exhausted on a retryable error: previous entry kept, retried next run. */
  FAILED,
  /** Update-only on a record missing in Actito: remembered, not retried until the row changes. */
  SKIPPED_MISSING,
  /** Create-only on a record that already exists in Actito: remembered, never modified. */
  SKIPPED_EXISTS;

  /** Whether the destination now holds (or provably already held) what the source says. */
  public boolean isSettled() {
    return this == APPLIED || this == SKIPPED_MISSING || this == SKIPPED_EXISTS;
  }
}
