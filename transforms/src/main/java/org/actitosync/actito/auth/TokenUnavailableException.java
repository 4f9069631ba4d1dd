package org.actitosync.actito.auth;

import org.actitosync.actito.errors.ClassifiedError;

/**
 * The token route failed with a non-auth error (429, 5xx, I/O). The calling loop treats it like
 * any failed attempt of the call it was minting for (retry within the same budget).
 */
public final class TokenUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ClassifiedError classification;

  TokenUnavailableException(ClassifiedError classification, Throwable cause) {
    super("Actito token route failed: " + classification.errorClass() + " HTTP "
        + classification.status() + ": " + classification.message(), cause);
    this.classification = classification;
  }

  public ClassifiedError classification() {
    return classification;
  }
}
