package org.actitosync.emulator.limits;

/** The daily bulk-import quota of a table is used up: answered 429. */
public class QuotaExceededException extends RuntimeException {
  private final long secondsUntilReset;

  public QuotaExceededException(String message, long secondsUntilReset) {
    super(message);
    this.secondsUntilReset = secondsUntilReset;
  }

  /** Seconds until the quota resets (next UTC midnight). */
  public long secondsUntilReset() {
    return secondsUntilReset;
  }
}
