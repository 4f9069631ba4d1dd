package org.apache.beam.runners.flink.translation.types;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.WindowedValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A record of a Flink batch job as the bytes a {@link CoderTypeSerializer} frame holds: a record in
 * the global window with {@link GlobalWindowFrame}'s one-byte header, any other as Beam's full coder
 * writes it. A record that travels as these bytes is encoded once where it is produced and decoded
 * once where it is used; the tasks in between (the network, Flink's sorter, its spills and merges)
 * copy the bytes without decoding them.
 *
 * <p>Guarantees: {@link #decode} of {@link #encode}'s bytes returns a record equal to the one
 * encoded (value as the value coder decodes it, timestamp, windows and pane). Bytes that the coder
 * does not read exactly to their end fail with an {@link IOException} naming the coder. Not
 * thread-safe: an instance keeps one buffer, so each task (each deserialised copy of a Flink
 * function) uses its own.
 */
public final class RecordBytes<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final byte[] NO_BYTES = new byte[0];

  private final Coder<WindowedValue<T>> coder;
  private transient @Nullable FrameOutput output;
  private transient @Nullable FrameInput input;

  private RecordBytes(Coder<WindowedValue<T>> coder) {
    this.coder = Objects.requireNonNull(coder, "coder");
  }

  /** The bytes of records that {@code coder}, a windowed value coder, encodes. */
  public static <T> RecordBytes<T> of(Coder<WindowedValue<T>> coder) {
    return new RecordBytes<>(coder);
  }

  /** {@code record}'s bytes, in an array of their exact length. */
  public byte[] encode(WindowedValue<T> record) throws IOException {
    FrameOutput frame = output == null ? output = new FrameOutput() : output;
    try {
      CoderTypeSerializer.encodeFrame(coder, record, frame);
      return Arrays.copyOf(frame.bytes(), frame.size());
    } finally {
      frame.trim(CoderTypeSerializer.KEPT_BUFFER_BYTES);
    }
  }

  /** The record {@link #encode} gave {@code bytes} for. */
  public WindowedValue<T> decode(byte[] bytes) throws IOException {
    FrameInput frame = input == null ? input = new FrameInput() : input;
    frame.wrap(bytes);
    try {
      return CoderTypeSerializer.decodeFrame(coder, frame, bytes.length);
    } finally {
      frame.wrap(NO_BYTES); // lets go of the record's array
    }
  }

  @Override
  public String toString() {
    return "RecordBytes{coder=" + coder + '}';
  }
}
