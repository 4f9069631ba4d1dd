package org.actitosync.write;

import java.io.IOException;
import org.actitosync.actito.ActitoClient;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes changes with record calls, one shard per key. It is a <em>stateful</em> DoFn on purpose:
 * Beam processes one element at a time per key only for stateful DoFns, so the K shard keys cap
 * the requests in flight at K on every runner (a plain DoFn after a GroupIntoBatches reached twice
 * the shard count in measurements). The state itself counts the calls of the shard.
 *
 * <p>Each call waits for the run's rate budget first. Outcomes: see {@link RecordCalls}. A bundle
 * retried by the runner replays the same idempotent calls.
 */
final class RecordWriterFn extends DoFn<KV<Integer, Classification>, WriteOutcome> {
  private final WriterConfig config;

  @StateId("changesWritten")
  private final StateSpec<ValueState<Long>> changesWritten = StateSpecs.value(VarLongCoder.of());

  private transient RateBudget budget;
  private transient ActitoClient client;
  private transient RecordCalls calls;

  RecordWriterFn(WriterConfig config) {
    this.config = config;
  }

  @Setup
  public void setup() {
    budget = ClientFactory.budget(config);
    client = ClientFactory.create(config, budget);
    calls = new RecordCalls(client, config);
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, Classification> element,
      @StateId("changesWritten") ValueState<Long> written,
      OutputReceiver<WriteOutcome> out) {
    budget.shardSeen(element.getKey());
    WriteOutcome outcome = calls.apply(element.getValue());
    Long before = written.read();
    written.write(before == null ? 1 : before + 1);
    WriterMetrics.outcome(outcome);
    OutageGuard.record(
        config.runKey(),
        outcome.status() == OutcomeStatus.FAILED,
        config.outageFailureShare(),
        config.outageMinCalls());
    out.output(outcome);
  }

  @Teardown
  public void teardown() throws IOException {
    if (client != null) {
      client.close();
    }
  }
}
