package org.actitosync.pipeline.alert;

import java.io.IOException;

/** A channel gave up on a message after {@link #attempts()} attempts; the message names no secret. */
public final class ChannelException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  public ChannelException(String message, int attempts) {
    super(message);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
