package org.actitosync.pipeline.launch;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Progress of the run in this JVM (rows read, keys classified, changes to write, changes written),
 * fed by pass-through steps of the pipeline and printed by the launcher at a steady interval. With
 * a remote runner (a Flink cluster, Dataflow) the counters stay at zero here: progress is then in
 * the runner's UI, and the same numbers arrive as Beam metrics in the report.
 */
public final class Progress {
  public static final AtomicLong ROWS_READ = new AtomicLong();
  public static final AtomicLong CHANGES = new AtomicLong();
  public static final AtomicLong WRITTEN = new AtomicLong();

  private Progress() {}

  static void reset() {
    ROWS_READ.set(0);
    CHANGES.set(0);
    WRITTEN.set(0);
  }

  /** Counts elements into one of the counters and a Beam distribution of when it saw them. */
  static final class Count<T> extends DoFn<T, T> {
    private final String stage;

    Count(String stage) {
      this.stage = stage;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      switch (stage) {
        case "read":
          ROWS_READ.incrementAndGet();
          break;
        case "classify":
          CHANGES.incrementAndGet();
          break;
        default:
          WRITTEN.incrementAndGet();
      }
      Metrics.distribution("actito-sync", "stage." + stage + ".at").update(System.currentTimeMillis());
      out.output(element);
    }
  }
}
