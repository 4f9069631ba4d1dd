package org.actitosync.emulator.validation;

/**
 * A value or row is rejected: answered 400 with a message naming the attribute (or the 409 given).
 */
public class ValidationException extends RuntimeException {
  private final String attribute;
  private final int status;

  public ValidationException(String attribute, String message) {
    this(400, attribute, message);
  }

  public ValidationException(int status, String attribute, String message) {
    super(message);
    this.status = status;
    this.attribute = attribute;
  }

  /** The attribute at fault, or null when the error is not about one attribute. */
  public String attribute() {
    return attribute;
  }

  /** The HTTP status to answer (400 unless stated). */
  public int status() {
    return status;
  }
}
