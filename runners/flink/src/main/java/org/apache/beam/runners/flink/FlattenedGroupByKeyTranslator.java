package org.apache.beam.runners.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.flink.translation.functions.FlinkNonMergingReduceFunction;
import org.apache.beam.runners.flink.translation.types.CoderTypeInformation;
import org.apache.beam.runners.flink.translation.types.EncodedValueTypeInformation;
import org.apache.beam.runners.flink.translation.types.RecordBytes;
import org.apache.beam.runners.flink.translation.types.WindowedKvKeySelector;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.util.construction.PTransformTranslation;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.collect.Iterables;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.GroupReduceFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.DataSet;
import org.apache.flink.api.java.operators.FlatMapOperator;
import org.apache.flink.api.java.operators.GroupReduceOperator;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.util.Collector;

/**
 * Translates a {@code GroupByKey} whose input is the output of a {@code Flatten} of distinct
 * collections of the same coder (a {@code CoGroupByKey}: its tagged inputs, flattened, grouped), in
 * a non-merging windowing with the end-of-window timestamp: the cases Beam's non-merging
 * translation takes, restricted to a flattened input.
 *
 * <p>Beam's translation unions the Flatten's inputs into a task of their own (a filter, Beam's
 * workaround for a Flink union bug), which explodes the windows, extracts each record's key and
 * sends it on, hash-partitioned, to the group-reduce: every record is serialised into that task and
 * out of it again. This translation explodes the windows and extracts the key in each input's own
 * task, chained to the operator that produced it, and unions the keyed records straight into the
 * group-reduce (Flink's optimiser hash-partitions each input of a union toward its consumer), so
 * every record crosses one task boundary fewer. At 10,000,000 rows that task took 13 % of a dry
 * run's CPU (docs/benchmarks.md, issue 18).
 *
 * <p>Guarantee: the same groups as Beam's translation. The keys are Beam's ({@link
 * WindowedKvKeySelector}: the key's and the window's encoded bytes, compared by Flink's sort as
 * Beam's are), the records are grouped by {@link FlinkNonMergingReduceFunction} as Beam's are, and
 * the output has Beam's type; only where the keying runs differs. Anything else gets Beam's
 * translators.
 */
final class FlattenedGroupByKeyTranslator<K, V>
    implements FlinkBatchPipelineTranslator.BatchTransformTranslator<
        PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>>> {

  private final Map<PValue, List<PCollection<?>>> flattenInputs;

  /** @param flattenInputs each Flatten's inputs by its output, filled as the pipeline is visited */
  FlattenedGroupByKeyTranslator(Map<PValue, List<PCollection<?>>> flattenInputs) {
    this.flattenInputs = flattenInputs;
  }

  @Override
  public boolean canTranslate(
      PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> transform,
      FlinkBatchTranslationContext context) {
    if (transform == null
        || !PTransformTranslation.GROUP_BY_KEY_TRANSFORM_URN.equals(
            PTransformTranslation.urnForTransformOrNull(transform))) {
      return false;
    }
    PCollection<KV<K, V>> input = context.getInput(transform);
    WindowingStrategy<?, ?> windowing = input.getWindowingStrategy();
    List<PCollection<?>> inputs = flattenInputs.get(input);
    return !windowing.needsMerge()
        && windowing.getTimestampCombiner() == TimestampCombiner.END_OF_WINDOW
        && windowing.getWindowFn().windowCoder().consistentWithEquals()
        && input.getCoder() instanceof KvCoder
        && inputs != null
        && inputs.size() > 1
        && new HashSet<>(inputs).size() == inputs.size()
        && inputs.stream().allMatch(in -> in.getCoder().equals(input.getCoder()));
  }

  @Override
  public void translateNode(
      PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> transform,
      FlinkBatchTranslationContext context) {
    PCollection<KV<K, V>> input = context.getInput(transform);
    // Beam's union of the inputs is left unused, so it is no part of the job (not a dangling set).
    context.getInputDataSet(input);
    KvCoder<K, V> inputCoder = (KvCoder<K, V>) input.getCoder();
    WindowingStrategy<?, ?> windowing = input.getWindowingStrategy();
    Coder<? extends BoundedWindow> windowCoder = windowing.getWindowFn().windowCoder();
    String name = context.getCurrentTransform().getFullName();
    TypeInformation<Tuple2<byte[], byte[]>> keyedType =
        new TupleTypeInfo<>(new EncodedValueTypeInformation(), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    RecordBytes<KV<K, V>> bytes = RecordBytes.of(WindowedValue.getFullCoder(inputCoder, windowCoder));
    KeyedExplode<K, V> explode = new KeyedExplode<>(inputCoder.getKeyCoder(), windowCoder, bytes);

    DataSet<Tuple2<byte[], byte[]>> keyed = null;
    for (PCollection<?> flattened : flattenInputs.get(input)) {
      DataSet<WindowedValue<KV<K, V>>> records = context.getInputDataSet(flattened);
      DataSet<Tuple2<byte[], byte[]>> keyedInput =
          new FlatMapOperator<>(records, keyedType, explode, "ExplodeWindows: " + name);
      keyed = keyed == null ? keyedInput : keyed.union(keyedInput);
    }

    boolean reIterableResult =
        context.getOutputs(transform).values().stream().mapToInt(context::getNumConsumers).sum() > 1
            || context.getPipelineOptions().as(FlinkPipelineOptions.class).getReIterableGroupByKeyResult();
    TypeInformation<WindowedValue<KV<K, Iterable<V>>>> outputType =
        new CoderTypeInformation<>(
            WindowedValue.getFullCoder(
                KvCoder.of(inputCoder.getKeyCoder(), IterableCoder.of(inputCoder.getValueCoder())), windowCoder),
            context.getPipelineOptions());
    DataSet<WindowedValue<KV<K, Iterable<V>>>> grouped =
        new GroupReduceOperator<>(
            keyed.groupBy(0),
            outputType,
            new KeyedReduce<>(new FlinkNonMergingReduceFunction<K, V>(windowing, reIterableResult), bytes),
            name);
    context.setOutputDataSet(context.getOutput(transform), grouped);
  }

  /**
   * Beam's {@code FlinkExplodeWindowsFunction} and its key selector in one step: (key, record's
   * bytes), the key being {@link WindowedKvKeySelector}'s bytes. In the global window, whose coder
   * writes no byte, those bytes are the encoded key alone, which this writes without encoding the
   * window and concatenating the two ({@code FlattenedGroupByKeyTranslatorTest} pins them equal).
   * The record is encoded here, once ({@link RecordBytes}): the network and Flink's sorter copy its
   * bytes, and only {@link KeyedReduce} decodes them.
   */
  static final class KeyedExplode<K, V>
      implements FlatMapFunction<WindowedValue<KV<K, V>>, Tuple2<byte[], byte[]>> {
    private final Coder<K> keyCoder;
    private final WindowedKvKeySelector<V, K> keys;
    private final boolean globalWindow;
    private final RecordBytes<KV<K, V>> bytes;

    KeyedExplode(Coder<K> keyCoder, Coder<? extends BoundedWindow> windowCoder, RecordBytes<KV<K, V>> bytes) {
      this.keyCoder = keyCoder;
      this.keys = new WindowedKvKeySelector<>(keyCoder, windowCoder);
      this.globalWindow = windowCoder instanceof GlobalWindow.Coder;
      this.bytes = bytes;
    }

    @Override
    public void flatMap(WindowedValue<KV<K, V>> value, Collector<Tuple2<byte[], byte[]>> out) throws Exception {
      for (WindowedValue<KV<K, V>> exploded : value.explodeWindows()) {
        out.collect(Tuple2.of(key(exploded), bytes.encode(exploded)));
      }
    }

    /** The grouping key of a record in one window. */
    byte[] key(WindowedValue<KV<K, V>> record) throws Exception {
      return globalWindow
          ? CoderUtils.encodeToByteArray(keyCoder, record.getValue().getKey())
          : keys.getKey(record);
    }
  }

  /**
   * Beam's group reduce over the records of a group, without their keys, each record decoded from
   * its bytes as the reduce reaches it (a lazy, single-pass view, as Flink's group is).
   */
  static final class KeyedReduce<K, V>
      implements GroupReduceFunction<Tuple2<byte[], byte[]>, WindowedValue<KV<K, Iterable<V>>>> {
    private final FlinkNonMergingReduceFunction<K, V> reduce;
    private final RecordBytes<KV<K, V>> bytes;

    KeyedReduce(FlinkNonMergingReduceFunction<K, V> reduce, RecordBytes<KV<K, V>> bytes) {
      this.reduce = reduce;
      this.bytes = bytes;
    }

    @Override
    public void reduce(Iterable<Tuple2<byte[], byte[]>> group, Collector<WindowedValue<KV<K, Iterable<V>>>> out)
        throws Exception {
      reduce.reduce(Iterables.transform(group, keyed -> decode(keyed.f1)), out);
    }

    private WindowedValue<KV<K, V>> decode(byte[] record) {
      try {
        return bytes.decode(record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
