package org.actitosync.record;

/** A source value that cannot be represented in its attribute's type; the message says why. */
public final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
