package org.actitosync.actito.errors;

import org.actitosync.actito.Operation;

/**
 * A failed Actito call, after the client's own retries. Carries the classification, the HTTP
 * status (0 when no response), Actito's message, the number of attempts made and whether
 * retries were exhausted. Never contains the API key or an access token.
 */
public class ActitoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Operation operation;
  private final ErrorClass errorClass;
  private final int status;
  private final String actitoMessage;
  private final int attempts;
  private final boolean retriesExhausted;

  public ActitoException(
      Operation operation,
      String target,
      ErrorClass errorClass,
      int status,
      String actitoMessage,
      int attempts,
      boolean retriesExhausted,
      String note,
      Throwable cause) {
    super(
        format(operation, target, errorClass, status, actitoMessage, attempts, retriesExhausted, note),
        cause);
    this.operation = operation;
    this.errorClass = errorClass;
    this.status = status;
    this.actitoMessage = actitoMessage;
    this.attempts = attempts;
    this.retriesExhausted = retriesExhausted;
  }

  private static String format(
      Operation operation,
      String target,
      ErrorClass errorClass,
      int status,
      String message,
      int attempts,
      boolean exhausted,
      String note) {
    StringBuilder sb = new StringBuilder("Actito ").append(operation);
    if (target != null) {
      sb.append(' ').append(target);
    }
    sb.append(" failed: ").append(errorClass);
    sb.append(status == 0 ? " (no HTTP response)" : " HTTP " + status);
    sb.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    if (exhausted) {
      sb.append(" (retries exhausted)");
    }
    if (note != null) {
      sb.append("; ").append(note);
    }
    sb.append(": ").append(message);
    return sb.toString();
  }

  public Operation operation() {
    return operation;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  /** HTTP status of the last attempt, 0 when no response was received. */
  public int status() {
    return status;
  }

  /** Actito's message (or the I/O error) of the last attempt. */
  public String actitoMessage() {
    return actitoMessage;
  }

  public int attempts() {
    return attempts;
  }

  /** True when a RETRYABLE error survived every attempt or the total backoff budget. */
  public boolean retriesExhausted() {
    return retriesExhausted;
  }
}
