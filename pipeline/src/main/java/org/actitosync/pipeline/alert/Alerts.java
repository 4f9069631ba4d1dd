package org.actitosync.pipeline.alert;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's one message to every configured channel. Never throws: a channel that fails gives a
 * {@link ChannelResult} (a line in the report), never a failed sync — by the time it runs, the
 * snapshot is committed.
 */
public final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  private final List<AlertChannel> channels;

  public Alerts(List<AlertChannel> channels) {
    this.channels = List.copyOf(channels);
  }

  /** The channels of {@code settings}: the webhook, then e-mail. */
  public static Alerts of(AlertSettings settings) {
    List<AlertChannel> channels = new ArrayList<>();
    if (settings.webhook() != null) {
      channels.add(new WebhookChannel(settings.webhook()));
    }
    if (settings.email() != null) {
      channels.add(new EmailChannel(settings.email()));
    }
    return new Alerts(channels);
  }

  public boolean isEmpty() {
    return channels.isEmpty();
  }

  public List<ChannelResult> deliver(AlertMessage message) {
    List<ChannelResult> results = new ArrayList<>();
    for (AlertChannel channel : channels) {
      ChannelResult result;
      try {
        int attempts = channel.send(message);
        result = ChannelResult.of(channel.describe(), true, attempts, "");
      } catch (ChannelException e) {
        result = ChannelResult.of(channel.describe(), false, e.attempts(), e.getMessage());
      } catch (Exception e) {
        result = ChannelResult.of(channel.describe(), false, 1, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (result.delivered()) {
        LOG.info("Alert {}", result.line());
      } else {
        LOG.warn("Alert {}", result.line());
      }
      results.add(result);
    }
    return results;
  }
}
