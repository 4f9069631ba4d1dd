package org.actitosync.write;

import java.util.List;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.Operation;
import org.actitosync.actito.observe.ActitoCallListener;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;

/**
 * What one writer DoFn instance calls Actito with: one client (so one access token, minted once
 * and reused until it nears expiry), paced by the step's {@link CallBudget} and judged by its
 * {@link OutageGuard}. {@link #begin} restarts both from the history the step must honour (the
 * steps before it, or this step's own state when a runner hands the next batch to another
 * instance). A 429's {@code Retry-After} holds every call of the step, not only the one retried.
 */
final class WriterSession implements AutoCloseable {
  private final WriterConfig config;
  private final ActitoClient client;
  private volatile CallBudget budget;
  private volatile OutageGuard guard;

  WriterSession(WriterConfig config) {
    this.config = config;
    begin(CallHistory.empty());
    ActitoCallListener holdOn429 = new ActitoCallListener() {
      @Override
      public void onRetry(Operation operation, int status, int attempt, long sleepMillis) {
        if (status == 429) {
          budget.holdFor(sleepMillis);
        }
      }
    };
    this.client = ActitoClient.builder(config.client())
        .transport(RateLimitedTransport.create(() -> budget))
        .listener(ActitoCallListener.all(List.of(new WriterMetrics(), holdOn429)))
        .build();
  }

  /** Starts (again) from {@code before}: its calls of the last minute, hold and outage counts. */
  void begin(CallHistory before) {
    budget = config.pacing().budget(config.callsPerMinute(), before);
    guard = new OutageGuard(
        config.outageFailureShare(), config.outageMinCalls(), before.attempted(), before.failed());
  }

  /**
   * Starts a step that follows another whose history it cannot read: as if the last minute, up to
   * now, held the whole budget (see {@link CallBudget#assumeFullMinute}); the outage counts start
   * at zero.
   */
  void beginAfterAFullMinute() {
    begin(CallHistory.empty());
    budget.assumeFullMinute();
  }

  /** What the next step (or the next batch) must honour. */
  CallHistory history() {
    OutageGuard g = guard;
    return budget.history(g.attempted(), g.failed());
  }

  ActitoClient client() {
    return client;
  }

  /** Counts a change's outcome in the metrics; fails the run if Actito looks down. */
  void account(WriteOutcome outcome) {
    WriterMetrics.outcome(outcome);
    guard.record(outcome.status() == OutcomeStatus.FAILED);
  }

  /**
   * Counts a profile's outcome with the changes' for the outage guard: a profile that FAILED after
   * retries is a failed call like a change's (so an Actito outage on the profile routes fails the
   * run instead of holding back every row).
   */
  void account(ProfileOutcome outcome) {
    guard.record(outcome.status() == ProfileOutcome.Status.FAILED);
  }

  @Override
  public void close() throws java.io.IOException {
    client.close();
  }
}
