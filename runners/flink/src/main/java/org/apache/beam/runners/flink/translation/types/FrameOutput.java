package org.apache.beam.runners.flink.translation.types;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable, unsynchronised byte buffer that a coder encodes one record into. */
final class FrameOutput extends OutputStream {
  private static final int INITIAL_BYTES = 256;
  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;

  @Override
  public void write(int b) {
    if (size == bytes.length) {
      grow(size + 1);
    }
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    if (length > bytes.length - size) {
      grow(size + length);
    }
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  /** The buffer; its first {@link #size()} bytes are the record. */
  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  /** Empties the buffer, and drops it for a small one if it is larger than {@code keptBytes}. */
  void trim(int keptBytes) {
    if (bytes.length > keptBytes) {
      bytes = new byte[INITIAL_BYTES];
    }
    size = 0;
  }

  private void grow(int needed) {
    if (needed < 0) {
      throw new OutOfMemoryError("a record over 2 GB cannot be framed");
    }
    bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
  }
}
