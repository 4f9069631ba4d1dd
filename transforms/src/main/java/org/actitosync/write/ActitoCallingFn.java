package org.actitosync.write;

import java.io.IOException;
import org.actitosync.actito.ActitoClient;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Base of the writer's DoFns: one Actito client per DoFn instance, built in {@code @Setup}, paced by
 * the run's shared {@link RateBudget} and reporting to Beam metrics; closed in {@code @Teardown}.
 */
abstract class ActitoCallingFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
  protected final WriterConfig config;
  protected transient RateBudget budget;
  protected transient ActitoClient client;

  ActitoCallingFn(WriterConfig config) {
    this.config = config;
  }

  @Setup
  public void setup() {
    budget = config.rateBudgets().budget(config.runKey(), config.callsPerMinute(), config.concurrency());
    client = ActitoClient.builder(config.client())
        .transport(RateLimitedTransport.create(budget))
        .listener(new WriterMetrics())
        .build();
  }

  /** Counts the outcome and fails the run if Actito looks down (see {@link OutageGuard}). */
  protected void account(WriteOutcome outcome) {
    WriterMetrics.outcome(outcome);
    OutageGuard.record(config.runKey(), outcome.status() == OutcomeStatus.FAILED,
        config.outageFailureShare(), config.outageMinCalls());
  }

  /**
   * Counts a profile's outcome with the changes' for the outage guard: a profile that FAILED after
   * retries is a failed call like a change's (so an Actito outage on the profile routes fails the
   * run instead of holding back every row).
   */
  protected void account(ProfileOutcome outcome) {
    OutageGuard.record(config.runKey(), outcome.status() == ProfileOutcome.Status.FAILED,
        config.outageFailureShare(), config.outageMinCalls());
  }

  @Teardown
  public void teardown() throws IOException {
    if (client != null) {
      client.close();
    }
  }
}
