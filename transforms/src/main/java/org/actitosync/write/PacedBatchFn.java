package org.actitosync.write;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A writer step of record calls: the run's one logical writer for that step. Its input is keyed by
 * a single constant key and grouped into batches, and it is stateful, so the runner processes one
 * batch at a time, on one worker, whatever the parallelism or the number of workers. Each batch
 * runs with at most {@code write.concurrency} calls in flight ({@link BoundedCalls}), all paced by
 * the step's {@link CallBudget}; every call has ended before the batch's results are emitted.
 *
 * <p>The budget's history (calls of the last minute, Retry-After hold, outage counts) is kept in
 * the step's state after every batch, so a batch processed by another DoFn instance or worker
 * starts from it; the first batch starts from the histories of the steps before (side input
 * {@code before}). When the input ends, the step emits its history on {@link #HISTORY} for the
 * steps after it. One client per DoFn instance, so the access token is minted once and reused.
 * After each batch it logs how many outcomes the run has so far: on runners whose metrics cannot
 * be read while the job runs (Flink), that line is the write's progress.
 *
 * @param <T> one unit of work (a change, a profile)
 * @param <R> its result; {@code null} results are not emitted
 */
abstract class PacedBatchFn<T, R> extends DoFn<KV<Integer, Iterable<T>>, R> {
  private static final Logger LOG = LoggerFactory.getLogger(PacedBatchFn.class);

  /** The step's history, emitted once when its input has ended. */
  static final TupleTag<CallHistory> HISTORY = new TupleTag<CallHistory>() {};

  protected final WriterConfig config;
  private final @Nullable PCollectionView<Iterable<CallHistory>> before;

  @StateId("history")
  private final StateSpec<ValueState<CallHistory>> historySpec =
      StateSpecs.value(SerializableCoder.of(CallHistory.class));

  @TimerId("end")
  private final TimerSpec endSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  protected transient WriterSession session;
  private transient BoundedCalls calls;

  PacedBatchFn(WriterConfig config, @Nullable PCollectionView<Iterable<CallHistory>> before) {
    this.config = config;
    this.before = before;
  }

  /** Makes one unit's call(s), on a pool thread; must be safe to replay. */
  abstract @Nullable R call(T item);

  /** Units per batch: large enough that draining the calls at a batch's end costs little. */
  static final int BATCH = 100;

  @Setup
  public void setup() {
    session = new WriterSession(config);
    calls = new BoundedCalls(config.concurrency(), "actito-writer");
  }

  @ProcessElement
  public void process(
      ProcessContext context,
      BoundedWindow window,
      @StateId("history") ValueState<CallHistory> history,
      @TimerId("end") Timer end) {
    CallHistory kept = history.read();
    session.begin(kept != null ? kept
        : before == null ? CallHistory.empty() : CallHistory.merge(context.sideInput(before)));
    end.withOutputTimestamp(context.timestamp()).set(window.maxTimestamp());
    try {
      List<R> results = calls.run(context.element().getValue(), this::call);
      for (R result : results) {
        if (result != null) {
          context.output(result);
        }
      }
    } finally {
      CallHistory now = session.history();
      history.write(now);
      if (now.attempted() > 0) {
        LOG.info("run {}: {} changes and profiles written so far, {} of them FAILED after retries",
            config.runKey(), now.attempted(), now.failed());
      }
    }
  }

  @OnTimer("end")
  public void onEnd(OnTimerContext context, @StateId("history") ValueState<CallHistory> history) {
    CallHistory kept = history.read();
    if (kept != null) {
      context.output(HISTORY, kept);
    }
  }

  @Teardown
  public void teardown() throws java.io.IOException {
    if (calls != null) {
      calls.close();
    }
    if (session != null) {
      session.close();
    }
  }
}
