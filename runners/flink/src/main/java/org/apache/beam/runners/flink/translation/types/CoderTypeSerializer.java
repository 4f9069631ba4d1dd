package org.apache.beam.runners.flink.translation.types;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.util.WindowedValue.FullWindowedValueCoder;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Flink's serializer of a Beam {@link Coder}'s values, each record framed by its length: this jar's
 * replacement for the Beam runner's class of the same name (Beam 2.62.0), which the shaded jar
 * leaves out. Same constructor, same serialised fields and {@code serialVersionUID}; only the bytes
 * a record takes in Flink's buffers differ.
 *
 * <p>Beam's class writes the coder's bytes straight into Flink's view, one call per field or byte
 * through a stream wrapper, and can copy a serialised record only by decoding and encoding it again.
 * Flink copies every record its sorter spills that way: at 10,000,000 rows every record of the
 * join's sort spills, and the copy took 9 % of a dry run's CPU (docs/benchmarks.md). This class
 * encodes a record into a buffer of its own and writes it as one frame: its length (a base-128
 * varint) and the coder's bytes. So {@link #copy(DataInputView, DataOutputView)} moves the frame's
 * bytes without decoding them, and encoding and decoding talk to an in-memory stream rather than to
 * Flink's view. A batch job's records, values in the global window, are framed with a one-byte
 * header instead of Beam's 13 bytes of timestamp, windows and pane ({@link GlobalWindowFrame}).
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>{@link #deserialize} returns what the coder decodes from the bytes it encoded: the values
 *       are those of Beam's class (a record in the global window: equal value, timestamp, window
 *       and pane). A coder that reads fewer or more bytes than it wrote fails the record with an
 *       {@link IOException} naming the coder (Beam's class would misread every record after it).
 *   <li>At the end of the input, or in a frame cut short, {@link #deserialize} throws {@link
 *       EOFException}, as Beam's class does: Flink's readers rely on it. Nothing else does, so a
 *       broken record is never taken for the end of the input.
 *   <li>Thread-safe: the buffers are per thread and per call depth, so an instance shared by
 *       Flink's sorter threads, or a coder that serialises through this class while being
 *       serialised by it, is safe. A buffer that grew past {@link #KEPT_BUFFER_BYTES} is dropped
 *       after its record, so one large record does not pin its size for the thread's life.
 *   <li>The frame is this jar's format. All of a job's records go through this class, so a job is
 *       consistent; Flink state written by Beam's class (a streaming savepoint) would not read
 *       with it. This jar runs batch jobs, which keep no state across runs.
 * </ul>
 *
 * <p>{@code CoderTypeSerializerTest} checks the values, the copies and the end of input, and spills
 * records through Flink's own external sorter; {@code GlobalWindowFrameTest} checks the header. If a
 * Beam upgrade changes the runner's class, the test that loads Beam's class from its jar says so.
 */
@SuppressWarnings("rawtypes")
public class CoderTypeSerializer<T> extends TypeSerializer<T> {
  /** Beam's class's: {@link UnversionedTypeSerializerSnapshot} stores this class Java-serialised. */
  private static final long serialVersionUID = 7247319138941746449L;

  /** A thread's buffer is kept for its next record only up to this size. */
  static final int KEPT_BUFFER_BYTES = 1 << 20;

  private static final ThreadLocal<FrameBuffers> BUFFERS = ThreadLocal.withInitial(FrameBuffers::new);

  private final Coder<T> coder;
  /** Kept as Beam's class keeps them: deserialising them registers Beam's file systems on a worker. */
  private final SerializablePipelineOptions pipelineOptions;
  private final boolean fasterCopy;

  public CoderTypeSerializer(Coder<T> coder, SerializablePipelineOptions pipelineOptions) {
    this.coder = Objects.requireNonNull(coder, "coder");
    this.pipelineOptions = Objects.requireNonNull(pipelineOptions, "pipelineOptions");
    this.fasterCopy = pipelineOptions.get().as(FlinkPipelineOptions.class).getFasterCopy();
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public CoderTypeSerializer<T> duplicate() {
    return new CoderTypeSerializer<>(coder, pipelineOptions);
  }

  @Override
  public @Nullable T createInstance() {
    return null;
  }

  @Override
  public T copy(T value) {
    if (fasterCopy) {
      return value;
    }
    try {
      return CoderUtils.clone(coder, value);
    } catch (CoderException e) {
      throw new RuntimeException("Could not clone.", e);
    }
  }

  @Override
  public T copy(T value, T reuse) {
    return copy(value);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    FrameBuffers buffers = BUFFERS.get();
    FrameOutput frame = buffers.takeOutput();
    try {
      encodeFrame(coder, value, frame);
      writeLength(frame.size(), target);
      target.write(frame.bytes(), 0, frame.size());
    } finally {
      buffers.giveBack(frame);
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    int length = readLength(source);
    FrameBuffers buffers = BUFFERS.get();
    FrameInput frame = buffers.takeInput();
    try {
      frame.fill(source, length); // the end of input, or a frame cut short: EOFException
      return decodeFrame(coder, frame, length);
    } finally {
      buffers.giveBack(frame);
    }
  }

  /**
   * Writes {@code value}'s frame without its length: a record in the global window with {@link
   * GlobalWindowFrame}'s header, any other as {@code coder} writes it.
   */
  @SuppressWarnings("unchecked")
  static <T> void encodeFrame(Coder<T> coder, T value, FrameOutput frame) throws IOException {
    FullWindowedValueCoder<Object> global = GlobalWindowFrame.of(coder);
    if (global != null) {
      GlobalWindowFrame.encode(global, (WindowedValue<Object>) value, frame);
    } else {
      coder.encode(value, frame);
    }
  }

  /**
   * The record {@link #encodeFrame} wrote into the {@code length} bytes of {@code frame}. A coder
   * that reads past them or stops before their end fails with an {@link IOException} naming it.
   */
  @SuppressWarnings("unchecked")
  static <T> T decodeFrame(Coder<T> coder, FrameInput frame, int length) throws IOException {
    T value;
    try {
      FullWindowedValueCoder<Object> global = GlobalWindowFrame.of(coder);
      value = global != null ? (T) GlobalWindowFrame.decode(global, frame) : coder.decode(frame);
    } catch (IOException e) {
      if (e instanceof EOFException || e.getCause() instanceof EOFException) {
        // past the end of a whole frame: a broken coder or record, never the end of the input
        throw new IOException(coder + " read past the end of a record of " + length + " bytes", e);
      }
      throw e;
    }
    if (frame.remaining() != 0) {
      throw new IOException(
          coder + " decoded a record of " + length + " bytes from its first " + (length - frame.remaining()));
    }
    return value;
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  /** Copies one record's frame as it is: its bytes are not decoded. */
  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = readLength(source);
    writeLength(length, target);
    target.write(source, length);
  }

  /** Writes {@code length} as a base-128 varint, low bits first. */
  static void writeLength(int length, DataOutputView target) throws IOException {
    int rest = length;
    while ((rest & ~0x7F) != 0) {
      target.writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    target.writeByte(rest);
  }

  /** Reads a length {@link #writeLength} wrote; {@link EOFException} at the end of the input. */
  static int readLength(DataInputView source) throws IOException {
    int length = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = source.readUnsignedByte();
      length |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (length < 0) {
          break;
        }
        return length;
      }
    }
    throw new IOException("not a record frame: its length is not a non-negative 32-bit varint");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || (o != null && getClass() == o.getClass() && coder.equals(((CoderTypeSerializer) o).coder));
  }

  @Override
  public int hashCode() {
    return coder.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new UnversionedTypeSerializerSnapshot<>(this);
  }

  @Override
  public String toString() {
    return "CoderTypeSerializer{coder=" + coder + '}';
  }
}
