package org.actitosync.emulator.model;

/** The data file (or a structure given at run time) is not valid. */
public class DataFileException extends RuntimeException {
  public DataFileException(String message) {
    super(message);
  }

  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
