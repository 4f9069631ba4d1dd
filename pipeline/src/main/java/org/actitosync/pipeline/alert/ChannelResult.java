package org.actitosync.pipeline.alert;

import com.google.auto.value.AutoValue;

/** What happened when a message was sent to one channel: a line of the report. */
@AutoValue
public abstract class ChannelResult {
  public abstract String channel();

  public abstract boolean delivered();

  public abstract int attempts();

  /** Empty when delivered; else the error (no secret). */
  public abstract String detail();

  public static ChannelResult of(String channel, boolean delivered, int attempts, String detail) {
    return new AutoValue_ChannelResult(channel, delivered, attempts, detail);
  }

  public String line() {
    return channel() + ": " + (delivered() ? "sent" : "FAILED (" + detail() + ")")
        + (attempts() > 1 ? " after " + attempts() + " attempts" : "");
  }
}
