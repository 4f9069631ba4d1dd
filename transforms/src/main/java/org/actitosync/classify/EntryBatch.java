package org.actitosync.classify;

import com.google.auto.value.AutoValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.snapshot.SnapshotEntry;

/**
 * Next-snapshot entries of up to {@link #MAX_SIZE} keys, encoded back to back with {@link
 * SnapshotEntryCoder}: how {@link Classify} ships the entries of the keys it does not send.
 *
 * <p>Why: Beam's Flink runner (batch) runs a multi-output step's outputs as one stream that every
 * output's consumer reads and decodes in full, keeping its own elements. The unsent keys are most of
 * a run's keys; as batches whose entries are bytes, the other outputs' consumers copy about one
 * element per thousand keys instead of decoding every entry, and only the entries' own consumer
 * decodes them ({@link #entries()}).
 */
@AutoValue
public abstract class EntryBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most entries a batch built by a default {@link Builder} holds. */
  public static final int MAX_SIZE = 1000;

  /** The number of entries. */
  public abstract int size();

  /** The entries, encoded back to back with {@link SnapshotEntryCoder}. */
  @SuppressWarnings("mutable")
  abstract byte[] bytesInternal();

  /** The length of the encoded entries. */
  public int byteLength() {
    return bytesInternal().length;
  }

  /** Writes the encoded entries to {@code out}, without copying them. */
  public void writeBytesTo(java.io.OutputStream out) throws IOException {
    out.write(bytesInternal());
  }

  /** The entries, decoded, in the order they were added. */
  public List<SnapshotEntry> entries() {
    List<SnapshotEntry> entries = new ArrayList<>(size());
    ByteArrayInputStream in = new ByteArrayInputStream(bytesInternal());
    try {
      for (int i = 0; i < size(); i++) {
        entries.add(SnapshotEntryCoder.of().decode(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a batch of " + size() + " snapshot entries does not decode", e);
    }
    if (in.available() != 0) {
      throw new IllegalStateException("a batch of " + size() + " snapshot entries holds " + in.available()
          + " bytes more than its entries");
    }
    return entries;
  }

  /**
   * Takes ownership of {@code bytes} (not copied: the caller must not change it), which must hold
   * exactly {@code size} entries encoded with {@link SnapshotEntryCoder}.
   */
  public static EntryBatch of(int size, byte[] bytes) {
    if (size < 0) {
      throw new IllegalArgumentException("a batch holds no fewer than 0 entries: " + size);
    }
    return new AutoValue_EntryBatch(size, bytes);
  }

  /** Collects entries into batches of up to a maximum size; not thread-safe. */
  public static final class Builder {
    private final int maxSize;
    private final ByteArrayOutputStream bytes;
    private int size;

    /** A builder of batches of up to {@link #MAX_SIZE} entries. */
    public Builder() {
      this(MAX_SIZE);
    }

    /** A builder of batches of up to {@code maxSize} entries. */
    public Builder(int maxSize) {
      if (maxSize < 1) {
        throw new IllegalArgumentException("a batch holds at least one entry: " + maxSize);
      }
      this.maxSize = maxSize;
      this.bytes = new ByteArrayOutputStream(64 * Math.min(maxSize, MAX_SIZE));
    }

    /** Adds {@code entry}; true when the batch is full and should be taken. */
    public boolean add(SnapshotEntry entry) {
      try {
        SnapshotEntryCoder.of().encode(entry, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
      }
      size++;
      return size >= maxSize;
    }

    public boolean isEmpty() {
      return size == 0;
    }

    /** The batch of the entries added since the last take, and an empty builder. */
    public EntryBatch take() {
      EntryBatch batch = of(size, bytes.toByteArray());
      bytes.reset();
      size = 0;
      return batch;
    }
  }
}
