package org.actitosync.write;

/** Too many changes failed after retries: the run stops rather than dead-letter everything. */
public final class ActitoOutageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActitoOutageException(String message) {
    super(message);
  }
}
