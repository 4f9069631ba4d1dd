package org.apache.beam.runners.flink.translation.types;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.core.memory.DataInputView;

/** One record's bytes, read from Flink's view in one call, for a coder to decode. */
final class FrameInput extends InputStream {
  private static final int INITIAL_BYTES = 256;
  private byte[] bytes = new byte[INITIAL_BYTES];
  private int position;
  private int limit;

  /** Reads the next {@code length} bytes of {@code source} as this frame. */
  void fill(DataInputView source, int length) throws IOException {
    if (length > bytes.length) {
      bytes = new byte[Math.max(length, Math.min(Integer.MAX_VALUE - 8, 2 * bytes.length))];
    }
    source.readFully(bytes, 0, length);
    position = 0;
    limit = length;
  }

  /** Reads {@code source} as this frame, without copying it (until {@link #trim}). */
  void wrap(byte[] source) {
    bytes = source;
    position = 0;
    limit = source.length;
  }

  /** The bytes of the frame not read yet. */
  int remaining() {
    return limit - position;
  }

  @Override
  public int read() {
    return position < limit ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position >= limit) {
      return -1;
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(bytes, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public long skip(long n) {
    int skipped = (int) Math.max(0, Math.min(n, limit - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return limit - position;
  }

  /** Empties the frame, and drops its buffer for a small one if it is larger than {@code keptBytes}. */
  void trim(int keptBytes) {
    if (bytes.length > keptBytes) {
      bytes = new byte[INITIAL_BYTES];
    }
    position = 0;
    limit = 0;
  }
}
