package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeComparator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.runtime.TupleComparator;
import org.apache.flink.api.java.typeutils.runtime.TupleSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.apache.flink.runtime.operators.sort.NormalizedKeySorter;
import org.apache.flink.runtime.operators.sort.QuickSort;
import org.apache.flink.util.MutableObjectIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This jar's {@link EncodedValueComparator} against the Beam runner's own class of that name (loaded
 * from the runner's jar, which the class path otherwise hides) and against Flink's in-memory sorter.
 * The keys are drawn so that pairs often share long prefixes, are prefixes of one another, are
 * equal, and hold the bytes where signed and unsigned orders part ({@code 0x7f}/{@code 0x80}).
 */
class EncodedValueComparatorTest {
  private static final int PAIRS = 50_000;

  @Test
  void beamsTypeInformationGivesThisComparatorWithANormalisedKey() {
    TypeComparator<byte[]> comparator =
        new EncodedValueTypeInformation().createComparator(true, new ExecutionConfig());
    assertEquals(EncodedValueComparator.class, comparator.getClass());
    assertTrue(comparator.supportsNormalizedKey());
  }

  @Test
  void beamsOwnClassIsTheOneReplacedAndOffersNoNormalisedKey() throws Exception {
    TypeComparator<byte[]> beams = beamsOwn(true);
    assertNotSame(EncodedValueComparator.class, beams.getClass());
    // Beam 2.62.0's class: if an upgrade gives it a normalised key, this jar's class can go.
    assertFalse(beams.supportsNormalizedKey());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void ordersExactlyAsBeamsOwnClass(boolean ascending) throws Exception {
    TypeComparator<byte[]> ours = new EncodedValueComparator(ascending);
    TypeComparator<byte[]> beams = beamsOwn(ascending);
    Random random = new Random(18);
    for (int i = 0; i < PAIRS; i++) {
      byte[] first = key(random);
      byte[] second = random.nextInt(10) == 0 ? first.clone() : key(random);
      Supplier<String> pair = () -> hex(first) + " / " + hex(second);
      assertEquals(Integer.signum(beams.compare(first, second)), Integer.signum(ours.compare(first, second)), pair);
      assertEquals(
          Integer.signum(beams.compareSerialized(keyAsFlinkWritesIt(first), keyAsFlinkWritesIt(second))),
          Integer.signum(ours.compareSerialized(keyAsFlinkWritesIt(first), keyAsFlinkWritesIt(second))),
          pair);
      assertEquals(
          Integer.signum(toReference(beams, first, second)),
          Integer.signum(toReference(ours, first, second)),
          pair);
      beams.setReference(first);
      ours.setReference(first);
      assertEquals(beams.equalToReference(second), ours.equalToReference(second), pair);
      assertEquals(beams.hash(first), ours.hash(first), pair);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  @SuppressWarnings("unchecked")
  void aComparatorSerialisedWithEitherClassReadsWithTheOther(boolean ascending) throws Exception {
    TypeComparator<byte[]> beams = beamsOwn(ascending);
    Object beamsRead = readAs(javaSerialised(new EncodedValueComparator(ascending)), beams.getClass());
    Object oursRead = readAs(javaSerialised(beams), EncodedValueComparator.class);
    assertEquals(beams.getClass(), beamsRead.getClass());
    assertEquals(EncodedValueComparator.class, oursRead.getClass());
    byte[] low = {0x01};
    byte[] high = {0x02};
    int expected = ascending ? -1 : 1;
    assertEquals(expected, Integer.signum(((TypeComparator<byte[]>) beamsRead).compare(low, high)));
    assertEquals(expected, Integer.signum(((TypeComparator<byte[]>) oursRead).compare(low, high)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8, 16, 40})
  void aNormalisedKeyNeverContradictsTheOrder(int keyBytes) {
    for (boolean ascending : new boolean[] {true, false}) {
      EncodedValueComparator comparator = new EncodedValueComparator(ascending);
      // equal normalised keys leave the order to a full comparison
      assertTrue(comparator.isNormalizedKeyPrefixOnly(keyBytes));
      MemorySegment segment = MemorySegmentFactory.allocateUnpooledSegment(2 * keyBytes);
      Random random = new Random(keyBytes);
      for (int i = 0; i < PAIRS; i++) {
        byte[] first = key(random);
        byte[] second = random.nextInt(10) == 0 ? first.clone() : key(random);
        comparator.putNormalizedKey(first, segment, 0, keyBytes);
        comparator.putNormalizedKey(second, segment, keyBytes, keyBytes);
        // Flink compares normalised keys as unsigned bytes and inverts them when asked to
        int normalised = Integer.signum(segment.compare(segment, 0, keyBytes, keyBytes));
        int byKey = Integer.signum(comparator.compare(first, second));
        Supplier<String> pair = () -> hex(first) + " / " + hex(second) + " ascending: " + ascending;
        if (normalised != 0) {
          assertEquals(byKey, comparator.invertNormalizedKey() ? -normalised : normalised, pair);
        }
        if (byKey == 0) {
          assertEquals(0, normalised, pair);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void flinksSorterOrdersRecordsAsTheComparatorDoes(boolean ascending) throws IOException {
    TypeSerializer<Tuple2<byte[], Integer>> serializer = recordSerializer();
    EncodedValueComparator keys = new EncodedValueComparator(ascending);
    TupleComparator<Tuple2<byte[], Integer>> records =
        new TupleComparator<>(
            new int[] {0}, new TypeComparator<?>[] {keys}, new TypeSerializer<?>[] {new EncodedValueSerializer()});
    List<MemorySegment> memory =
        IntStream.range(0, 256).mapToObj(i -> MemorySegmentFactory.allocateUnpooledSegment(32 * 1024)).toList();
    NormalizedKeySorter<Tuple2<byte[], Integer>> sorter = new NormalizedKeySorter<>(serializer, records, memory);
    // an 8-byte pointer and an 8-byte normalised key per record: Flink did take the normalised key
    assertEquals(16, sorter.recordSize());

    Random random = new Random(ascending ? 1 : 2);
    List<byte[]> written = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      byte[] key = random.nextInt(4) == 0 && !written.isEmpty() ? written.get(random.nextInt(written.size())) : key(random);
      written.add(key);
      assertTrue(sorter.write(Tuple2.of(key, i)), "the sorter's memory is full");
    }
    new QuickSort().sort(sorter);

    MutableObjectIterator<Tuple2<byte[], Integer>> sorted = sorter.getIterator();
    boolean[] seen = new boolean[written.size()];
    Tuple2<byte[], Integer> previous = null;
    int count = 0;
    for (Tuple2<byte[], Integer> record = sorted.next(); record != null; record = sorted.next()) {
      assertArrayEquals(written.get(record.f1), record.f0);
      assertFalse(seen[record.f1]);
      seen[record.f1] = true;
      if (previous != null) {
        byte[] before = previous.f0;
        byte[] after = record.f0;
        assertTrue(keys.compare(before, after) <= 0, () -> hex(before) + " before " + hex(after));
      }
      previous = record;
      count++;
    }
    assertEquals(written.size(), count);
  }

  /**
   * Keys of 0–24 bytes from an alphabet small enough to make shared prefixes and equal keys common;
   * a third start with the same 9 bytes, so that they tie on any normalised key of 8.
   */
  static byte[] key(Random random) {
    byte[] alphabet = {0x00, 0x01, 0x30, 0x39, 0x7e, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0xc3, (byte) 0xff};
    byte[] prefix = {'C', 'U', 'S', 'T', '-', (byte) 0x80, 0x00, 0x7f, (byte) 0xff};
    byte[] key = new byte[random.nextInt(25)];
    int from = 0;
    if (random.nextInt(3) == 0 && key.length >= prefix.length) {
      System.arraycopy(prefix, 0, key, 0, prefix.length);
      from = prefix.length;
    }
    for (int i = from; i < key.length; i++) {
      key[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
    }
    return key;
  }

  private static int toReference(TypeComparator<byte[]> comparator, byte[] first, byte[] second) {
    TypeComparator<byte[]> other = comparator.duplicate();
    comparator.setReference(first);
    other.setReference(second);
    return comparator.compareToReference(other);
  }

  private static DataInputDeserializer keyAsFlinkWritesIt(byte[] key) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(key.length + 4);
    new EncodedValueSerializer().serialize(key, out);
    return new DataInputDeserializer(out.getCopyOfBuffer());
  }

  private static byte[] javaSerialised(Object comparator) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(comparator);
    }
    return bytes.toByteArray();
  }

  /** {@code bytes} deserialised with {@code as} standing for the comparator's class, whichever was written. */
  private static Object readAs(byte[] bytes, Class<?> as) throws Exception {
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          protected Class<?> resolveClass(ObjectStreamClass written) throws IOException, ClassNotFoundException {
            return written.getName().equals(as.getName()) ? as : super.resolveClass(written);
          }
        }) {
      return in.readObject();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<Tuple2<byte[], Integer>> recordSerializer() {
    return new TupleSerializer<>(
        (Class) Tuple2.class, new TypeSerializer<?>[] {new EncodedValueSerializer(), IntSerializer.INSTANCE});
  }

  /** The Beam runner's own {@code EncodedValueComparator}, from its jar, past this module's class. */
  @SuppressWarnings("unchecked")
  private static TypeComparator<byte[]> beamsOwn(boolean ascending) throws Exception {
    Class<?> beams = BeamRunnerJar.beamsOwn(EncodedValueComparator.class);
    return (TypeComparator<byte[]>) beams.getConstructor(boolean.class).newInstance(ascending);
  }

  private static String hex(byte[] key) {
    return "[" + HexFormat.of().formatHex(key) + "]";
  }
}
