package org.actitosync.emulator.model;

/**
 * The outcome of writing one row.
 *
 * @param status CREATED, UPDATED or SKIPPED
 * @param key the business key (custom table) or profileId (profile table) as text
 * @param message why a row was skipped, else null
 */
public record WriteOutcome(Status status, String key, String message) {
  /** What happened to the row. */
  public enum Status { CREATED, UPDATED, SKIPPED }

  public boolean created() {
    return status == Status.CREATED;
  }
}
