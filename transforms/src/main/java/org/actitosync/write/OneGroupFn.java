package org.actitosync.write;

import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A writer step fed one group: every item of the run under the single key, after a GroupByKey, so
 * one element, processed once, on the DoFn's own thread (one call in flight). Its budget starts
 * from the histories of the steps before it (side input {@code before}, which also makes it wait
 * for them; none for a first step) and it emits its own history on {@link PacedBatchFn#HISTORY}
 * when done, also when it fails. One client per DoFn instance.
 *
 * @param <T> one item of the group
 * @param <R> one outcome
 */
abstract class OneGroupFn<T, R> extends DoFn<KV<Integer, Iterable<T>>, R> {
  protected final WriterConfig config;
  private final @Nullable PCollectionView<Iterable<CallHistory>> before;
  private transient WriterSession session;

  OneGroupFn(WriterConfig config, @Nullable PCollectionView<Iterable<CallHistory>> before) {
    this.config = config;
    this.before = before;
  }

  /** Writes the group, giving each outcome to {@code out} as soon as it is decided. */
  abstract void write(WriterSession session, Iterable<T> items, Consumer<R> out);

  @Setup
  public void setup() {
    session = new WriterSession(config);
  }

  @ProcessElement
  public void process(ProcessContext context) {
    session.begin(before == null ? CallHistory.empty() : CallHistory.merge(context.sideInput(before)));
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
