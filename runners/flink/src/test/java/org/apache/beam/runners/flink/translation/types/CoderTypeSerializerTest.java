package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.values.KV;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeComparator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.runtime.TupleComparator;
import org.apache.flink.api.java.typeutils.runtime.TupleSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.runtime.io.disk.iomanager.IOManagerAsync;
import org.apache.flink.runtime.jobgraph.tasks.TaskInvokable;
import org.apache.flink.runtime.memory.MemoryManager;
import org.apache.flink.runtime.operators.sort.ExternalSorter;
import org.apache.flink.util.MutableObjectIterator;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * This jar's {@link CoderTypeSerializer}: values as the coder decodes them, frames copied as they
 * are, the end of input as Flink expects it, and records spilled through Flink's own external
 * sorter. Beam's class of that name is loaded from the runner's jar to pin what is replaced.
 */
class CoderTypeSerializerTest {
  private static final SerializablePipelineOptions OPTIONS =
      new SerializablePipelineOptions(PipelineOptionsFactory.create());
  /** The join's records on Flink batch: a key and a tagged value, in the global window. */
  private static final Coder<WindowedValue<KV<String, RawUnionValue>>> JOIN_CODER =
      WindowedValue.getFullCoder(
          KvCoder.of(StringUtf8Coder.of(), UnionCoder.of(List.of(ByteArrayCoder.of(), VarLongCoder.of()))),
          GlobalWindow.Coder.INSTANCE);

  @Test
  void beamsTypeInformationGivesThisSerializer() throws IOException {
    TypeSerializer<String> serializer =
        new CoderTypeInformation<>(StringUtf8Coder.of(), OPTIONS).createSerializer(new ExecutionConfig());
    assertEquals(CoderTypeSerializer.class, serializer.getClass());
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize("abc", out);
    assertArrayEquals(new byte[] {4, 3, 'a', 'b', 'c'}, out.getCopyOfBuffer()); // frame length, then the coder's bytes
  }

  @Test
  void beamsOwnClassWritesTheCodersBytesUnframedAndHasTheSameSerialForm() throws Exception {
    Class<?> beams = BeamRunnerJar.beamsOwn(CoderTypeSerializer.class);
    assertNotSame(CoderTypeSerializer.class, beams);
    @SuppressWarnings("unchecked")
    TypeSerializer<String> beamsSerializer = (TypeSerializer<String>)
        beams.getConstructor(Coder.class, SerializablePipelineOptions.class).newInstance(StringUtf8Coder.of(), OPTIONS);
    DataOutputSerializer out = new DataOutputSerializer(16);
    beamsSerializer.serialize("abc", out);
    // Beam 2.62.0's class: if an upgrade frames records itself, this jar's class can go.
    assertArrayEquals(new byte[] {3, 'a', 'b', 'c'}, out.getCopyOfBuffer());
    // UnversionedTypeSerializerSnapshot stores the serializer Java-serialised: same form as Beam's.
    assertEquals(ObjectStreamClass.lookup(beams).getSerialVersionUID(),
        ObjectStreamClass.lookup(CoderTypeSerializer.class).getSerialVersionUID());
    assertEquals(instanceFields(beams), instanceFields(CoderTypeSerializer.class));
  }

  @Test
  void readsBackToBackRecordsAsTheCoderDecodesThemThenEndOfInput() throws IOException {
    CoderTypeSerializer<WindowedValue<KV<String, RawUnionValue>>> serializer = new CoderTypeSerializer<>(JOIN_CODER, OPTIONS);
    List<WindowedValue<KV<String, RawUnionValue>>> records = records(new Random(1), 2_000);
    records.add(WindowedValue.valueInGlobalWindow(KV.of("big", new RawUnionValue(0, new byte[5 << 20]))));
    records.add(WindowedValue.of(KV.of("é€", new RawUnionValue(1, -1L)), new Instant(42), GlobalWindow.INSTANCE,
        PaneInfo.createPane(false, true, PaneInfo.Timing.ON_TIME, 1, 0)));
    records.add(WindowedValue.valueInGlobalWindow(KV.of("", new RawUnionValue(0, new byte[0]))));
    DataOutputSerializer out = new DataOutputSerializer(1 << 16);
    for (WindowedValue<KV<String, RawUnionValue>> record : records) {
      serializer.serialize(record, out);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (WindowedValue<KV<String, RawUnionValue>> record : records) {
      assertRecordEquals(record, serializer.deserialize(in));
    }
    assertThrows(EOFException.class, () -> serializer.deserialize(in));
    // a frame cut short is the end of input too
    byte[] whole = serialized(serializer, records.get(0));
    assertThrows(EOFException.class,
        () -> serializer.deserialize(new DataInputDeserializer(Arrays.copyOf(whole, whole.length - 1))));
  }

  @Test
  void framesAreTheCodersBytesAfterTheirLength() throws IOException {
    CoderTypeSerializer<byte[]> serializer = new CoderTypeSerializer<>(ByteArrayCoder.of(), OPTIONS);
    for (int size : new int[] {0, 126, 127, 16_382, 16_383, 70_000}) {
      byte[] value = new byte[size];
      new Random(size).nextBytes(value);
      ByteArrayOutputStream nested = new ByteArrayOutputStream();
      ByteArrayCoder.of().encode(value, nested); // as a field: length-prefixed
      byte[] coded = nested.toByteArray();
      DataOutputSerializer expected = new DataOutputSerializer(size + 8);
      CoderTypeSerializer.writeLength(coded.length, expected);
      expected.write(coded);
      assertArrayEquals(expected.getCopyOfBuffer(), serialized(serializer, value), "size " + size);
      DataOutputSerializer length = new DataOutputSerializer(8);
      CoderTypeSerializer.writeLength(coded.length, length);
      assertEquals(coded.length, CoderTypeSerializer.readLength(new DataInputDeserializer(length.getCopyOfBuffer())));
    }
  }

  @Test
  void copiesEachFrameAsItIsWithoutDecodingIt() throws IOException {
    CountingCoder coder = new CountingCoder();
    CoderTypeSerializer<String> serializer = new CoderTypeSerializer<>(coder, OPTIONS);
    DataOutputSerializer out = new DataOutputSerializer(1 << 12);
    for (int i = 0; i < 300; i++) {
      serializer.serialize("record-" + "x".repeat(i), out);
    }
    byte[] original = out.getCopyOfBuffer();
    long decodedBefore = coder.decoded.get();
    DataInputDeserializer in = new DataInputDeserializer(original);
    DataOutputSerializer copy = new DataOutputSerializer(original.length);
    for (int i = 0; i < 300; i++) {
      serializer.copy(in, copy);
    }
    assertArrayEquals(original, copy.getCopyOfBuffer());
    assertEquals(decodedBefore, coder.decoded.get());
    assertThrows(EOFException.class, () -> serializer.copy(in, copy));
  }

  @Test
  void aCoderThatReadsLessThanItWroteFailsItsRecordNamingIt() throws IOException {
    CoderTypeSerializer<String> serializer = new CoderTypeSerializer<>(new ShortReadingCoder(), OPTIONS);
    byte[] bytes = serialized(serializer, "abc");
    IOException e = assertThrows(IOException.class, () -> serializer.deserialize(new DataInputDeserializer(bytes)));
    assertTrue(e.getMessage().contains("ShortReadingCoder") && e.getMessage().contains("4 bytes"), e.getMessage());
  }

  @Test
  void aCoderThatReadsPastItsRecordFailsItNotAsTheEndOfInput() throws IOException {
    CoderTypeSerializer<String> serializer = new CoderTypeSerializer<>(new OverReadingCoder(), OPTIONS);
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize("a", out);
    serializer.serialize("b", out); // more input after the record: the coder must still not read it
    IOException e = assertThrows(IOException.class,
        () -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
    assertFalse(e instanceof EOFException, "a broken record taken for the end of the input");
    assertTrue(e.getMessage().contains("OverReadingCoder") && e.getMessage().contains("past the end"), e.getMessage());
  }

  @Test
  void oneInstanceServesThreadsAndCodersThatSerialiseThroughIt() throws Exception {
    CoderTypeSerializer<WindowedValue<KV<String, RawUnionValue>>> shared = new CoderTypeSerializer<>(JOIN_CODER, OPTIONS);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(threads.submit(() -> {
          List<WindowedValue<KV<String, RawUnionValue>>> records = records(new Random(seed), 5_000);
          DataOutputSerializer out = new DataOutputSerializer(1 << 16);
          for (WindowedValue<KV<String, RawUnionValue>> record : records) {
            shared.serialize(record, out);
          }
          DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
          for (WindowedValue<KV<String, RawUnionValue>> record : records) {
            assertRecordEquals(record, shared.deserialize(in));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    CoderTypeSerializer<String> nested = new CoderTypeSerializer<>(new NestingCoder(), OPTIONS);
    assertEquals("outer", nested.deserialize(new DataInputDeserializer(serialized(nested, "outer"))));
  }

  @Test
  void aLargeRecordsBufferIsNotKeptForTheNextRecord() throws IOException {
    FrameBuffers buffers = new FrameBuffers();
    FrameOutput output = buffers.takeOutput();
    assertNotSame(output, buffers.takeOutput()); // lent: a nested call gets its own
    output.write(new byte[CoderTypeSerializer.KEPT_BUFFER_BYTES + 1], 0, CoderTypeSerializer.KEPT_BUFFER_BYTES + 1);
    buffers.giveBack(output);
    FrameOutput again = buffers.takeOutput();
    assertEquals(output, again);
    assertTrue(again.bytes().length < CoderTypeSerializer.KEPT_BUFFER_BYTES);
    assertEquals(0, again.size());
  }

  @Test
  void theSnapshotRestoresAnEqualSerializer() throws IOException {
    CoderTypeSerializer<WindowedValue<KV<String, RawUnionValue>>> serializer = new CoderTypeSerializer<>(JOIN_CODER, OPTIONS);
    DataOutputSerializer out = new DataOutputSerializer(1 << 12);
    serializer.snapshotConfiguration().writeSnapshot(out);
    TypeSerializerSnapshot<WindowedValue<KV<String, RawUnionValue>>> snapshot = new UnversionedTypeSerializerSnapshot<>();
    snapshot.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    TypeSerializer<WindowedValue<KV<String, RawUnionValue>>> restored = snapshot.restoreSerializer();
    assertEquals(serializer, restored);
    WindowedValue<KV<String, RawUnionValue>> record = records(new Random(3), 1).get(0);
    assertRecordEquals(record, restored.deserialize(new DataInputDeserializer(serialized(serializer, record))));
  }

  /**
   * The join's records (key bytes, record) through Flink's external sorter with 2 MB of memory: it
   * spills, copying every spilled record with {@link CoderTypeSerializer#copy(DataInputView,
   * DataOutputView)}, merges, and gives every record back, in key order.
   */
  @Test
  void recordsSpilledByFlinksExternalSorterComeBackWholeAndInKeyOrder() throws Exception {
    int count = 60_000;
    List<WindowedValue<KV<String, RawUnionValue>>> records = records(new Random(7), count);
    AtomicLong copies = new AtomicLong();
    TupleSerializer<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> serializer = sortedRecordSerializer(copies);
    TypeComparator<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> comparator = new TupleComparator<>(
        new int[] {0}, new TypeComparator<?>[] {new EncodedValueComparator(true)},
        new TypeSerializer<?>[] {new EncodedValueSerializer()});
    MemoryManager memory = MemoryManager.create(2 << 20, 32 * 1024);
    try (IOManagerAsync io = new IOManagerAsync()) {
      Object owner = new NoTask();
      ExternalSorter<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> sorter =
          ExternalSorter.newBuilder(memory, (TaskInvokable) owner, serializer, comparator, new ExecutionConfig())
              .enableSpilling(io)
              .memoryFraction(1.0)
              .maxNumFileHandles(8)
              .build(iterate(records));
      List<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> sorted = new ArrayList<>();
      MutableObjectIterator<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> out = sorter.getIterator();
      for (Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>> r = out.next(); r != null; r = out.next()) {
        sorted.add(r);
      }
      sorter.close();
      assertTrue(copies.get() >= count, "spilled records copied: " + copies.get());
      assertEquals(count, sorted.size());
      for (int i = 1; i < sorted.size(); i++) {
        assertTrue(Arrays.compare(sorted.get(i - 1).f0, sorted.get(i).f0) <= 0, "order at " + i);
      }
      Comparator<WindowedValue<KV<String, RawUnionValue>>> byContent =
          Comparator.comparing(r -> Arrays.toString(encoded(r)));
      List<WindowedValue<KV<String, RawUnionValue>>> expected = new ArrayList<>(records);
      List<WindowedValue<KV<String, RawUnionValue>>> actual = new ArrayList<>();
      sorted.forEach(r -> actual.add(r.f1));
      expected.sort(byContent);
      actual.sort(byContent);
      for (int i = 0; i < count; i++) {
        assertRecordEquals(expected.get(i), actual.get(i));
      }
    } finally {
      memory.shutdown();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static List<WindowedValue<KV<String, RawUnionValue>>> records(Random random, int count) {
    List<WindowedValue<KV<String, RawUnionValue>>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "CUST-" + String.format("%09d", random.nextInt(count * 2));
      RawUnionValue value;
      if (random.nextBoolean()) {
        byte[] packed = new byte[20 + random.nextInt(200)];
        random.nextBytes(packed);
        value = new RawUnionValue(0, packed);
      } else {
        value = new RawUnionValue(1, random.nextLong());
      }
      records.add(random.nextInt(10) == 0
          ? WindowedValue.timestampedValueInGlobalWindow(KV.of(key, value), GlobalWindow.INSTANCE.maxTimestamp())
          : WindowedValue.valueInGlobalWindow(KV.of(key, value)));
    }
    return records;
  }

  private static void assertRecordEquals(
      WindowedValue<KV<String, RawUnionValue>> expected, WindowedValue<KV<String, RawUnionValue>> actual) {
    assertArrayEquals(encoded(expected), encoded(actual), () -> expected + " / " + actual);
  }

  private static byte[] encoded(WindowedValue<KV<String, RawUnionValue>> record) {
    try {
      return CoderUtils.encodeToByteArray(JOIN_CODER, record);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> byte[] serialized(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  /** What Flink's key extraction makes of a record: the key's bytes, and the record. */
  private static MutableObjectIterator<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> iterate(
      List<WindowedValue<KV<String, RawUnionValue>>> records) {
    return new MutableObjectIterator<>() {
      private int next;

      @Override
      public Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>> next(
          Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>> reuse) {
        return next();
      }

      @Override
      public Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>> next() {
        if (next == records.size()) {
          return null;
        }
        WindowedValue<KV<String, RawUnionValue>> record = records.get(next++);
        return Tuple2.of(record.getValue().getKey().getBytes(StandardCharsets.UTF_8), record);
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TupleSerializer<Tuple2<byte[], WindowedValue<KV<String, RawUnionValue>>>> sortedRecordSerializer(
      AtomicLong copies) {
    return new TupleSerializer<>((Class) Tuple2.class,
        new TypeSerializer<?>[] {new EncodedValueSerializer(), new CopyCounting<>(JOIN_CODER, copies)});
  }

  private static List<String> instanceFields(Class<?> type) {
    List<String> fields = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        fields.add(f.getName() + ":" + f.getType().getName());
      }
    }
    fields.sort(null);
    return fields;
  }

  /** Counts the frames copied by every duplicate Flink's sorter makes of it. */
  private static final class CopyCounting<T> extends CoderTypeSerializer<T> {
    private final transient Coder<T> coder;
    private final transient AtomicLong copies;

    CopyCounting(Coder<T> coder, AtomicLong copies) {
      super(coder, OPTIONS);
      this.coder = coder;
      this.copies = copies;
    }

    @Override
    public CopyCounting<T> duplicate() {
      return new CopyCounting<>(coder, copies);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      copies.incrementAndGet();
      super.copy(source, target);
    }
  }

  /** Writes a string as {@link StringUtf8Coder} does; how it reads is the subclass's. */
  private abstract static class Utf8Writing extends AtomicCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }
  }

  /** A string coder that counts its decodes. */
  private static final class CountingCoder extends Utf8Writing {
    final AtomicLong decoded = new AtomicLong();

    @Override
    public String decode(InputStream in) throws IOException {
      decoded.incrementAndGet();
      return StringUtf8Coder.of().decode(in);
    }
  }

  /** Writes a string, then reads its length and one byte only: a broken coder. */
  private static final class ShortReadingCoder extends Utf8Writing {
    @Override
    public String decode(InputStream in) throws IOException {
      in.read();
      return String.valueOf((char) in.read());
    }
  }

  /** Writes one character, then reads two: a broken coder. */
  private static final class OverReadingCoder extends AtomicCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      out.write(value.charAt(0));
    }

    @Override
    public String decode(InputStream in) throws IOException {
      byte[] two = new byte[2];
      new java.io.DataInputStream(in).readFully(two);
      return new String(two, StandardCharsets.UTF_8);
    }
  }

  /** Encodes and decodes its value through another {@link CoderTypeSerializer} on the same thread. */
  private static final class NestingCoder extends AtomicCoder<String> {
    private static final CoderTypeSerializer<String> INNER = new CoderTypeSerializer<>(StringUtf8Coder.of(), OPTIONS);

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      byte[] inner = serialized(INNER, value + "/inner");
      ByteArrayCoder.of().encode(inner, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      String inner = INNER.deserialize(new DataInputDeserializer(ByteArrayCoder.of().decode(in)));
      return inner.substring(0, inner.length() - "/inner".length());
    }
  }

  /** The memory owner Flink's sorter asks for: no task runs. */
  private static final class NoTask implements TaskInvokable {
    @Override
    public void invoke() {}

    @Override
    public void restore() {}

    @Override
    public void cleanUp(Throwable cause) {}

    @Override
    public void cancel() {}

    @Override
    public boolean isUsingNonBlockingInput() {
      return false;
    }

    @Override
    public void maybeInterruptOnCancel(Thread toInterrupt, String taskName, Long timeout) {}
  }
}
