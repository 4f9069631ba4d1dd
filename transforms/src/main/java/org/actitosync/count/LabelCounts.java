package org.actitosync.count;

import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the labels of the elements of a globally windowed collection: (label, partial count)
 * pairs, one per label and bundle, to be summed per label downstream ({@code Sum.longsPerKey()}).
 * An element may carry several labels or none. Emitting per bundle rather than per element keeps
 * the counting of a large collection from moving every element to a combiner.
 *
 * <p>Exact on every runner: a retried bundle's output replaces the failed attempt's.
 */
public final class LabelCounts<T> extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  private final SerializableFunction<T, List<String>> labels;

  private LabelCounts(SerializableFunction<T, List<String>> labels) {
    this.labels = labels;
  }

  public static <T> LabelCounts<T> of(SerializableFunction<T, List<String>> labels) {
    return new LabelCounts<>(labels);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<T> input) {
    return input
        .apply("CountPerBundle", ParDo.of(new CountFn<T>(labels)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  private static final class CountFn<T> extends DoFn<T, KV<String, Long>> {
    private final SerializableFunction<T, List<String>> labels;
    private transient Tally tally;

    CountFn(SerializableFunction<T, List<String>> labels) {
      this.labels = labels;
    }

    @StartBundle
    public void start() {
      tally = new Tally();
    }

    @ProcessElement
    public void process(@Element T element) {
      for (String label : labels.apply(element)) {
        tally.add(label);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext context) {
      for (KV<String, Long> count : tally.drain()) {
        context.output(count, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }
}
