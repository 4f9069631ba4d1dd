package org.actitosync.change;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The outcome of one change sent to Actito: the change itself, what happened to it, and for a
 * refusal the HTTP status and Actito's message. One outcome per change; the next snapshot is built
 * from outcomes, never from the changes alone.
 */
@AutoValue
public abstract class WriteOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract Classification change();

  public abstract OutcomeStatus status();

  /** HTTP status of the last answer, or 0 when none applies. */
  public abstract int httpStatus();

  public abstract @Nullable String message();

  /** Number of calls made for this change, retries included. */
  public abstract int attempts();

  public static WriteOutcome of(
      Classification change,
      OutcomeStatus status,
      int httpStatus,
      @Nullable String message,
      int attempts) {
    if (!change.kind().isChange()) {
      throw new IllegalArgumentException("only changes have write outcomes, not " + change.kind());
    }
    return new AutoValue_WriteOutcome(change, status, httpStatus, message, attempts);
  }

  public static WriteOutcome applied(Classification change) {
    return of(change, OutcomeStatus.APPLIED, 200, null, 1);
  }
}
