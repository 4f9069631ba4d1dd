package org.actitosync.record;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Computes {@link RecordDigest}s for records of one {@link AttributeLayout}.
 *
 * <p>The row digest is the low 64 bits of MurmurHash3-128 over the (name, canonical value) pairs of
 * the non-null attributes in name order, each string length-prefixed: it does not depend on the
 * order attributes were mapped in, a null equals an absent attribute, and equal canonical values
 * (see {@link CanonicalValues}) give equal digests whatever their source type. Per-attribute
 * digests are 32 bits of MurmurHash3-128 over (name, value). Deterministic across JVMs and runs.
 */
public final class RecordDigester implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final HashFunction HASH = Hashing.murmur3_128(0x5eed);

  private final AttributeLayout layout;
  private transient byte[][] nameBytes;

  public RecordDigester(AttributeLayout layout) {
    this.layout = layout;
  }

  public AttributeLayout layout() {
    return layout;
  }

  public RecordDigest digest(MappedRecord record) {
    int[] attributes = new int[layout.size()];
    return new RecordDigest(digest(layout.positions(record.values()), attributes), attributes);
  }

  /**
   * {@code digest(record).row()}, without the per-attribute digests (about half the hashing), for
   * a caller that compares whole records only.
   */
  public long rowDigest(MappedRecord record) {
    return digest(layout.positions(record.values()), null);
  }

  /**
   * {@link #rowDigest(MappedRecord)} of the record whose values by position in this digester's
   * layout are {@code positioned} ({@link AttributeLayout#positions}), for a caller that needs
   * those positions anyway: the record's values are then matched to the layout once.
   */
  public long rowDigest(String[] positioned) {
    return digest(positioned, null);
  }

  /**
   * {@link #rowDigest(String[])} of the values whose UTF-8 bytes are {@code positionedUtf8} ({@link
   * #utf8}), for a caller that needs those bytes anyway (the packing of a row also encodes them).
   */
  public long rowDigest(byte[][] positionedUtf8) {
    return digest(positionedUtf8, null);
  }

  /** The UTF-8 bytes of each of {@code values}, null for null. */
  public static byte[][] utf8(String[] values) {
    byte[][] bytes = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
      }
    }
    return bytes;
  }

  /**
   * The row digest of the record whose values by layout position are {@code values}; fills {@code
   * attributes} with the attribute digests if given.
   *
   * <p>The (length, name, length, value) sequence of every non-null attribute is written once into
   * one array, little-endian lengths as Guava's {@code Hasher.putInt} writes them, and hashed in one
   * call; each attribute digest hashes its own slice of that array. A streaming hasher's result
   * depends only on the bytes it was given, so the digests are those of feeding the same fields to
   * a {@code Hasher} one by one (pinned in {@code RecordDigesterTest}), without copying every field
   * through the hasher's buffer.
   */
  private long digest(String[] values, int @Nullable [] attributes) {
    return digest(utf8(values), attributes);
  }

  private long digest(byte[][] valueBytes, int @Nullable [] attributes) {
    byte[][] names = nameBytes();
    int length = 0;
    for (int i = 0; i < valueBytes.length; i++) {
      if (valueBytes[i] != null) {
        length += 2 * Integer.BYTES + names[i].length + valueBytes[i].length;
      }
    }
    byte[] fields = new byte[length];
    int at = 0;
    for (int i = 0; i < valueBytes.length; i++) {
      if (valueBytes[i] == null) {
        if (attributes != null) {
          attributes[i] = RecordDigest.NULL_VALUE;
        }
        continue;
      }
      int start = at;
      at = putLengthPrefixed(fields, at, names[i]);
      at = putLengthPrefixed(fields, at, valueBytes[i]);
      if (attributes != null) {
        long attributeHash = HASH.hashBytes(fields, start, at - start).asLong();
        attributes[i] = attributeDigest((int) (attributeHash ^ (attributeHash >>> 32)));
      }
    }
    long rowDigest = HASH.hashBytes(fields, 0, length).asLong();
    return rowDigest == RecordDigest.UNKNOWN_ROW ? 1L : rowDigest;
  }

  /** Writes {@code bytes}' length (4 bytes, little-endian) and {@code bytes} at {@code at}; returns the end. */
  private static int putLengthPrefixed(byte[] target, int at, byte[] bytes) {
    int length = bytes.length;
    target[at] = (byte) length;
    target[at + 1] = (byte) (length >>> 8);
    target[at + 2] = (byte) (length >>> 16);
    target[at + 3] = (byte) (length >>> 24);
    System.arraycopy(bytes, 0, target, at + Integer.BYTES, length);
    return at + Integer.BYTES + length;
  }

  /** The UTF-8 bytes of the layout's attribute names, encoded once per digester instance. */
  private byte[][] nameBytes() {
    byte[][] cached = nameBytes;
    if (cached == null) {
      cached = new byte[layout.size()][];
      for (int i = 0; i < cached.length; i++) {
        cached[i] = layout.names().get(i).getBytes(StandardCharsets.UTF_8);
      }
      nameBytes = cached;
    }
    return cached;
  }

  private static int attributeDigest(int hash) {
    return hash == RecordDigest.NULL_VALUE || hash == RecordDigest.UNKNOWN_VALUE ? hash | 2 : hash;
  }
}
