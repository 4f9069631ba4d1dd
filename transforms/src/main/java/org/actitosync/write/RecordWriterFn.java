package org.actitosync.write;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
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
final class RecordWriterFn extends ActitoCallingFn<KV<Integer, Classification>, WriteOutcome> {

  @StateId("changesWritten")
  private final StateSpec<ValueState<Long>> changesWritten = StateSpecs.value(VarLongCoder.of());

  private transient RecordCalls calls;

  RecordWriterFn(WriterConfig config) {
    super(config);
  }


  @ProcessElement
  public void process(
      @Element KV<Integer, Classification> element,
      @StateId("changesWritten") ValueState<Long> written,
      OutputReceiver<WriteOutcome> out) {
    budget.shardSeen(element.getKey());
    if (calls == null) {
      calls = new RecordCalls(client, config);
    }
    WriteOutcome outcome = calls.apply(element.getValue());
    Long before = written.read();
    written.write(before == null ? 1 : before + 1);
    account(outcome);
    out.output(outcome);
  }
}
