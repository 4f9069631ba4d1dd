package org.actitosync.emulator.model;

/** An entity, table, record, profile or import does not exist: answered 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
