package org.actitosync.actito.errors;

/** What a failed Actito call means for the caller. Decided only by {@link ErrorClassifier}. */
public enum ErrorClass {
  /**
   * Transient: 429, 408, 5xx, connect/read timeouts, connection resets. Retried by the client
   * within its {@link org.actitosync.actito.retry.RetryPolicy}; when the exception reaches the
   * caller, retries were exhausted (or the call was not replay-safe), so the record FAILED for
   * this run and may succeed in a later one.
   */
  RETRYABLE,
  /** The request is wrong for this record (other 4xx): never retried unchanged. */
  PERMANENT,
  /** The API key is rejected or lacks rights (second 401, or 403): stop the run. */
  AUTH
}
