package org.actitosync.actito.errors;

import com.google.auto.value.AutoValue;
import java.time.Duration;
import java.util.Optional;

/** The verdict of {@link ErrorClassifier} on one failed attempt. */
@AutoValue
public abstract class ClassifiedError {
  public abstract ErrorClass errorClass();

  /** HTTP status, or 0 when no response was received (I/O error). */
  public abstract int status();

  /** Actito's message (JSON {@code message}, else the raw body truncated) or the I/O error. */
  public abstract String message();

  /** The server's {@code Retry-After}, already converted to a wait from now. */
  public abstract Optional<Duration> retryAfter();

  /**
   * True when the request provably was not processed by Actito (429, 503, connection refused), so
   * even a non-idempotent request (import creation) may be replayed.
   */
  public abstract boolean provablyNotProcessed();

  public static ClassifiedError of(
      ErrorClass errorClass,
      int status,
      String message,
      Optional<Duration> retryAfter,
      boolean provablyNotProcessed) {
    return new AutoValue_ClassifiedError(
        errorClass, status, message, retryAfter, provablyNotProcessed);
  }
}
