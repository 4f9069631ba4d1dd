package org.actitosync.pipeline.alert;

import java.io.IOException;

/** Somewhere a run's {@link AlertMessage} is delivered. */
public interface AlertChannel {
  /** "webhook https://hooks.example" or "email smtp.acme.example": safe to print (no secret). */
  String describe();

  /**
   * Delivers the message, retrying as the channel allows.
   *
   * @return how many attempts it took
   * @throws IOException when it could not be delivered; the message names no secret
   */
  int send(AlertMessage message) throws IOException;
}
