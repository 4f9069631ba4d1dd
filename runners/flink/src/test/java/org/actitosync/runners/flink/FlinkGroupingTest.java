package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.runners.flink.translation.types.EncodedValueTypeInformation;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.flink.api.common.ExecutionConfig;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CoGroupByKey on the embedded Flink cluster, sorted with this jar's normalised keys ({@code
 * EncodedValueComparator}), gives every key exactly one group holding all its values, whatever the
 * key's bytes: non-ASCII text (UTF-8 bytes of {@code 0x80} and above, where signed and unsigned
 * orders part), {@code U+0000}, keys that are prefixes of others, and keys sharing their first 8
 * bytes (the part of a key Flink's sort keeps in its index).
 */
class FlinkGroupingTest {
  private static final String[] PARTS = {"", "a", "z", "0", "9", "é", "ü", "中", "😀", "\u0000", "\u007f", "\u0080", "ÿ"};
  private static final TupleTag<Integer> SEGMENT = new TupleTag<>() {};
  private static final TupleTag<Integer> SNAPSHOT = new TupleTag<>() {};

  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.flinkLocal();

  @Test
  void everyKeyIsOneGroupWhateverItsBytes() {
    assertTrue(
        new EncodedValueTypeInformation().createComparator(true, new ExecutionConfig()).supportsNormalizedKey(),
        "the Beam runner's own comparator is on the class path before this jar's");
    Random random = new Random(18);
    List<KV<String, Integer>> segment = new ArrayList<>();
    List<KV<String, Integer>> snapshot = new ArrayList<>();
    Map<String, List<Integer>> inSegment = new TreeMap<>();
    Map<String, List<Integer>> inSnapshot = new TreeMap<>();
    for (int i = 0; i < 12_000; i++) {
      String key = key(random);
      boolean fromSegment = random.nextBoolean();
      (fromSegment ? segment : snapshot).add(KV.of(key, i));
      (fromSegment ? inSegment : inSnapshot).computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    Set<String> keys = new TreeSet<>(inSegment.keySet());
    keys.addAll(inSnapshot.keySet());
    List<KV<String, String>> expected =
        keys.stream().map(k -> KV.of(k, describe(inSegment.get(k), inSnapshot.get(k)))).toList();

    PCollection<KV<String, CoGbkResult>> joined =
        KeyedPCollectionTuple.of(SEGMENT, create("Segment", segment))
            .and(SNAPSHOT, create("Snapshot", snapshot))
            .apply(CoGroupByKey.create());
    PCollection<KV<String, String>> groups =
        joined.apply(
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(g -> KV.of(g.getKey(), describe(g.getValue().getAll(SEGMENT), g.getValue().getAll(SNAPSHOT)))));

    PAssert.that(groups).containsInAnyOrder(expected);
    beam.pipeline().run().waitUntilFinish();
  }

  private PCollection<KV<String, Integer>> create(String name, List<KV<String, Integer>> rows) {
    return beam.pipeline().apply(name, Create.of(rows).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
  }

  /** Mostly short keys (many repeats), some long ones sharing a 10-byte prefix. */
  private static String key(Random random) {
    StringBuilder key = new StringBuilder(random.nextInt(5) == 0 ? "customer-0" : "");
    for (int n = random.nextInt(4); n > 0; n--) {
      key.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return key.toString();
  }

  /** A key's values from each side, sorted; a side without the key (null) has none. */
  private static String describe(@Nullable Iterable<Integer> segment, @Nullable Iterable<Integer> snapshot) {
    return sorted(segment) + " | " + sorted(snapshot);
  }

  private static List<Integer> sorted(@Nullable Iterable<Integer> values) {
    return values == null ? List.of() : StreamSupport.stream(values.spliterator(), false).sorted().toList();
  }
}
