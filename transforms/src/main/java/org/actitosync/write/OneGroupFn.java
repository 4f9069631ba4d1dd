package org.actitosync.write;

import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * A writer step fed one group: every item of the run under the single key, after a GroupByKey, so
 * one element, processed once, on the DoFn's own thread (one call in flight). It takes no side
 * input on purpose: on Flink batch a DoFn with a side input is not chained to the GroupByKey, so
 * the whole group would be serialised as one record (2,000,000 changes: over 500 MB). So its
 * budget starts either empty (the run's first writer step) or, after another step, as if the last
 * minute up to now held the whole budget ({@link WriterSession#beginAfterAFullMinute}): one
 * interval of waiting, and the sliding minute holds without reading the step before. It emits its
 * own history on {@link PacedBatchFn#HISTORY} when done, also when it fails. One client per DoFn
 * instance.
 *
 * @param <T> one item of the group
 * @param <R> one outcome
 */
abstract class OneGroupFn<T, R> extends DoFn<KV<Integer, Iterable<T>>, R> {
  protected final WriterConfig config;
  private final boolean afterAnotherStep;
  private transient WriterSession session;

  OneGroupFn(WriterConfig config, boolean afterAnotherStep) {
    this.config = config;
    this.afterAnotherStep = afterAnotherStep;
  }

  /** Writes the group, giving each outcome to {@code out} as soon as it is decided. */
  abstract void write(WriterSession session, Iterable<T> items, Consumer<R> out);

  @Setup
  public void setup() {
    session = new WriterSession(config);
  }

  @ProcessElement
  public void process(ProcessContext context) {
    if (afterAnotherStep) {
      session.beginAfterAFullMinute();
    } else {
      session.begin(CallHistory.empty());
    }
    try {
      write(session, context.element().getValue(), context::output);
    } finally {
      context.output(PacedBatchFn.HISTORY, session.history());
    }
  }

  @Teardown
  public void teardown() throws java.io.IOException {
    if (session != null) {
      session.close();
    }
  }
}
