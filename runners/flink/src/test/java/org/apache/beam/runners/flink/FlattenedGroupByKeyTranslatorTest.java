package org.apache.beam.runners.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.runners.flink.translation.types.RecordBytes;
import org.apache.beam.runners.flink.translation.types.WindowedKvKeySelector;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The group-by-key of a flattened input, as this jar's {@link FlinkBatchPipelineTranslator}
 * translates it ({@link FlattenedGroupByKeyTranslator}): the Flink plan keys each input where it is
 * produced, with no union task of its own, and the groups on the embedded Flink cluster are Beam's,
 * also with several windows per record, an empty input, a second consumer of the Flatten, and the
 * cases left to Beam's translation.
 */
class FlattenedGroupByKeyTranslatorTest {
  private static final TupleTag<Integer> LEFT = new TupleTag<>() {};
  private static final TupleTag<Integer> RIGHT = new TupleTag<>() {};
  private static final TupleTag<Integer> EMPTY = new TupleTag<>() {};
  private static final KvCoder<String, Integer> CODER = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.flinkLocal();

  @Test
  void aCoGroupByKeyIsKeyedWhereItsInputsAreProduced() {
    Pipeline pipeline = Pipeline.create(options());
    joined(pipeline, List.of(KV.of("a", 1)), List.of(KV.of("a", 2)), List.of())
        .apply(MapElements.into(TypeDescriptors.strings()).via(KV::getKey));
    String plan = plan(pipeline);

    assertFalse(plan.contains("UnionFixFilter"), plan);
    assertEquals(3, count(plan, "ExplodeWindows: CoGroupByKey/GBK"), plan);
    // each keyed input goes to the group-reduce hash-partitioned: no task between them
    assertEquals(3, count(plan, "\"ship_strategy\": \"Hash Partition on \\[0\\]\""), plan);
  }

  @Test
  void aFlattenOfOneCollectionTwiceIsLeftToBeam() {
    Pipeline pipeline = Pipeline.create(options());
    PCollection<KV<String, Integer>> once = pipeline.apply(Create.of(KV.of("a", 1)).withCoder(CODER));
    PCollectionList.of(once).and(once)
        .apply(Flatten.pCollections())
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings()).via(KV::getKey));

    assertTrue(plan(pipeline).contains("UnionFixFilter"));
  }

  @Test
  void coGroupsAreBeamsWithAnEmptyInput() {
    List<KV<String, Integer>> left = new ArrayList<>();
    List<KV<String, Integer>> right = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      left.add(KV.of("k" + (i % 40), i));
      if (i % 3 == 0) {
        right.add(KV.of("k" + (i % 70), -i));
      }
    }
    PCollection<String> groups =
        joined(beam.pipeline(), left, right, List.of())
            .apply(MapElements.into(TypeDescriptors.strings()).via(g -> g.getKey() + " " + describe(g.getValue())));

    PAssert.that(groups).containsInAnyOrder(expectedGroups(left, right));
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void everyWindowOfARecordIsAGroupOfItsOwn() {
    Pipeline pipeline = beam.pipeline();
    // windowed before the Flatten, so that the group-by-key's input is the Flatten's output
    PCollection<KV<String, Integer>> first =
        timestamped(pipeline, "First", KV.of("a", 1), 0, KV.of("a", 2), 15).apply("WindowFirst", sliding());
    PCollection<KV<String, Integer>> second =
        timestamped(pipeline, "Second", KV.of("a", 3), 5, KV.of("b", 4), 25).apply("WindowSecond", sliding());
    PCollection<String> groups =
        PCollectionList.of(first).and(second)
            .apply(Flatten.pCollections())
            .apply(GroupByKey.create())
            .apply(ParDo.of(new DescribeWindow()));

    // windows [-10,10) [0,20) [10,30) [20,40): each record in two of them
    PAssert.that(groups)
        .containsInAnyOrder(
            "a [-10,10) [1, 3]", "a [0,20) [1, 2, 3]", "a [10,30) [2]", "b [10,30) [4]", "b [20,40) [4]");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aFlattenWithASecondConsumerFeedsBoth() {
    Pipeline pipeline = beam.pipeline();
    PCollection<KV<String, Integer>> flat =
        PCollectionList.of(pipeline.apply("Left", Create.of(KV.of("a", 1), KV.of("b", 2)).withCoder(CODER)))
            .and(pipeline.apply("Right", Create.of(KV.of("a", 3)).withCoder(CODER)))
            .apply(Flatten.pCollections());
    PCollection<String> groups =
        flat.apply(GroupByKey.create())
            .apply(MapElements.into(TypeDescriptors.strings()).via(g -> g.getKey() + " " + sorted(g.getValue())));

    PAssert.that(groups).containsInAnyOrder("a [1, 3]", "b [2]");
    PAssert.thatSingleton(flat.apply(Count.globally())).isEqualTo(3L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aFlattenOfOneCollectionTwiceGroupsEachRecordTwice() {
    Pipeline pipeline = beam.pipeline();
    PCollection<KV<String, Integer>> once = pipeline.apply(Create.of(KV.of("a", 1), KV.of("b", 2)).withCoder(CODER));
    PCollection<String> groups =
        PCollectionList.of(once).and(once)
            .apply(Flatten.pCollections())
            .apply(GroupByKey.create())
            .apply(MapElements.into(TypeDescriptors.strings()).via(g -> g.getKey() + " " + sorted(g.getValue())));

    PAssert.that(groups).containsInAnyOrder("a [1, 1]", "b [2, 2]");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theKeysAreBeamsSelectorsBytes() throws Exception {
    FlattenedGroupByKeyTranslator.KeyedExplode<String, Integer> global =
        new FlattenedGroupByKeyTranslator.KeyedExplode<>(StringUtf8Coder.of(), GlobalWindow.Coder.INSTANCE,
            RecordBytes.of(WindowedValue.getFullCoder(CODER, GlobalWindow.Coder.INSTANCE)));
    FlattenedGroupByKeyTranslator.KeyedExplode<String, Integer> interval =
        new FlattenedGroupByKeyTranslator.KeyedExplode<>(StringUtf8Coder.of(), IntervalWindow.getCoder(),
            RecordBytes.of(WindowedValue.getFullCoder(CODER, IntervalWindow.getCoder())));
    IntervalWindow window = new IntervalWindow(new Instant(0), new Instant(10));
    for (String key : List.of("", "a", "customer-0é中😀", "\u0000")) {
      WindowedValue<KV<String, Integer>> inGlobal = WindowedValue.valueInGlobalWindow(KV.of(key, 1));
      WindowedValue<KV<String, Integer>> inInterval =
          WindowedValue.of(KV.of(key, 1), new Instant(5), window, PaneInfo.NO_FIRING);
      assertArrayEquals(
          new WindowedKvKeySelector<Integer, String>(StringUtf8Coder.of(), GlobalWindow.Coder.INSTANCE).getKey(inGlobal),
          global.key(inGlobal), key);
      assertArrayEquals(
          new WindowedKvKeySelector<Integer, String>(StringUtf8Coder.of(), IntervalWindow.getCoder()).getKey(inInterval),
          interval.key(inInterval), key);
    }
  }

  @Test
  void eachWindowOfARecordIsSentAsItsKeyAndItsBytes() throws Exception {
    RecordBytes<KV<String, Integer>> bytes = RecordBytes.of(WindowedValue.getFullCoder(CODER, IntervalWindow.getCoder()));
    FlattenedGroupByKeyTranslator.KeyedExplode<String, Integer> explode =
        new FlattenedGroupByKeyTranslator.KeyedExplode<>(StringUtf8Coder.of(), IntervalWindow.getCoder(), bytes);
    IntervalWindow one = new IntervalWindow(new Instant(0), new Instant(10));
    IntervalWindow two = new IntervalWindow(new Instant(5), new Instant(15));
    WindowedValue<KV<String, Integer>> record =
        WindowedValue.of(KV.of("a", 1), new Instant(7), List.of(one, two), PaneInfo.NO_FIRING);
    List<Tuple2<byte[], byte[]>> sent = new ArrayList<>();

    explode.flatMap(record, new ListCollector<>(sent));

    List<WindowedValue<KV<String, Integer>>> exploded = new ArrayList<>();
    record.explodeWindows().forEach(exploded::add);
    assertEquals(2, sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertArrayEquals(explode.key(exploded.get(i)), sent.get(i).f0);
      assertEquals(exploded.get(i), bytes.decode(sent.get(i).f1));
      assertEquals(List.copyOf(exploded.get(i).getWindows()), List.copyOf(bytes.decode(sent.get(i).f1).getWindows()));
    }
  }

  private static PCollection<KV<String, CoGbkResult>> joined(
      Pipeline pipeline, List<KV<String, Integer>> left, List<KV<String, Integer>> right, List<KV<String, Integer>> empty) {
    return KeyedPCollectionTuple.of(LEFT, pipeline.apply("Left", Create.of(left).withCoder(CODER)))
        .and(RIGHT, pipeline.apply("Right", Create.of(right).withCoder(CODER)))
        .and(EMPTY, pipeline.apply("Empty", Create.of(empty).withCoder(CODER)))
        .apply(CoGroupByKey.create());
  }

  private static List<String> expectedGroups(List<KV<String, Integer>> left, List<KV<String, Integer>> right) {
    java.util.Map<String, List<Integer>> byKeyLeft = new java.util.TreeMap<>();
    java.util.Map<String, List<Integer>> byKeyRight = new java.util.TreeMap<>();
    left.forEach(kv -> byKeyLeft.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue()));
    right.forEach(kv -> byKeyRight.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue()));
    java.util.Set<String> keys = new java.util.TreeSet<>(byKeyLeft.keySet());
    keys.addAll(byKeyRight.keySet());
    return keys.stream()
        .map(k -> k + " " + sorted(byKeyLeft.getOrDefault(k, List.of())) + " | "
            + sorted(byKeyRight.getOrDefault(k, List.of())) + " | []")
        .toList();
  }

  private static String describe(CoGbkResult result) {
    return sorted(result.getAll(LEFT)) + " | " + sorted(result.getAll(RIGHT)) + " | " + sorted(result.getAll(EMPTY));
  }

  private static List<Integer> sorted(Iterable<Integer> values) {
    return StreamSupport.stream(values.spliterator(), false).sorted().toList();
  }

  private static PCollection<KV<String, Integer>> timestamped(
      Pipeline pipeline, String name, KV<String, Integer> first, long firstAt, KV<String, Integer> second, long secondAt) {
    return pipeline.apply(
        name,
        Create.timestamped(
                TimestampedValue.of(first, new Instant(firstAt)), TimestampedValue.of(second, new Instant(secondAt)))
            .withCoder(CODER));
  }

  private static Window<KV<String, Integer>> sliding() {
    return Window.into(SlidingWindows.of(Duration.millis(20)).every(Duration.millis(10)));
  }

  /** "key [start,end) [values]", the window's bounds in milliseconds. */
  static final class DescribeWindow extends DoFn<KV<String, Iterable<Integer>>, String> {
    @ProcessElement
    public void process(ProcessContext context, BoundedWindow window) {
      IntervalWindow interval = (IntervalWindow) window;
      context.output(context.element().getKey() + " [" + interval.start().getMillis() + "," + interval.end().getMillis()
          + ") " + sorted(context.element().getValue()));
    }
  }

  private static FlinkPipelineOptions options() {
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[local]");
    options.setParallelism(2);
    return options;
  }

  /** The optimised Flink plan of {@code pipeline}, as JSON. */
  private static String plan(Pipeline pipeline) {
    FlinkPipelineExecutionEnvironment environment =
        new FlinkPipelineExecutionEnvironment(pipeline.getOptions().as(FlinkPipelineOptions.class));
    environment.translate(pipeline);
    try {
      return environment.getBatchExecutionEnvironment().getExecutionPlan();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }
}
