package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.util.List;
import org.actitosync.pipeline.alert.AlertMessage;
import org.actitosync.pipeline.alert.Alerts;

/**
 * The alert channels of a run whose config is known (none before, and none for a dry run): a
 * failure is sent to them as one message, each channel's result printed on one line.
 */
final class FailureAlerts {
  /** Before the config is known: nothing to send to. */
  static final FailureAlerts NONE = new FailureAlerts(new Alerts(List.of()), "", "");

  private final Alerts alerts;
  private final String activation;
  private final String runId;

  FailureAlerts(Alerts alerts, String activation, String runId) {
    this.alerts = alerts;
    this.activation = activation;
    this.runId = runId;
  }

  Alerts alerts() {
    return alerts;
  }

  /** Sends {@code message} (the failure's text) as the run's failure; prints each channel's result to {@code err}. */
  void failed(ExitCode code, String message, PrintStream err) {
    if (alerts.isEmpty()) {
      return;
    }
    String reason = code.name() + " (exit " + code.code() + "): " + message;
    alerts.deliver(AlertMessage.failed(activation, runId, reason))
        .forEach(r -> err.println("actito-sync: alert " + r.line()));
  }
}
