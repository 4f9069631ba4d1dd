package org.actitosync.record;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
    return new RecordDigest(digest(record, attributes), attributes);
  }

  /**
   * {@code digest(record).row()}, without the per-attribute digests (about half the hashing), for
   * a caller that compares whole records only.
   */
  public long rowDigest(MappedRecord record) {
    return digest(record, null);
  }

  /** The row digest of {@code record}; fills {@code attributes} with the attribute digests if given. */
  private long digest(MappedRecord record, int @Nullable [] attributes) {
    List<String> names = layout.names();
    Hasher row = HASH.newHasher();
    Map<String, String> values = record.values();
    for (int i = 0; i < names.size(); i++) {
      String value = values.get(names.get(i));
      if (value == null) {
        if (attributes != null) {
          attributes[i] = RecordDigest.NULL_VALUE;
        }
        continue;
      }
      byte[] nameBytes = nameBytes(i);
      byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
      putBytes(putBytes(row, nameBytes), valueBytes);
      if (attributes != null) {
        long attributeHash = putBytes(putBytes(HASH.newHasher(), nameBytes), valueBytes).hash().asLong();
        attributes[i] = attributeDigest((int) (attributeHash ^ (attributeHash >>> 32)));
      }
    }
    long rowDigest = row.hash().asLong();
    return rowDigest == RecordDigest.UNKNOWN_ROW ? 1L : rowDigest;
  }

  private static Hasher putBytes(Hasher hasher, byte[] bytes) {
    return hasher.putInt(bytes.length).putBytes(bytes);
  }

  /** The UTF-8 bytes of the layout's attribute names, encoded once per digester instance. */
  private byte[] nameBytes(int index) {
    byte[][] cached = nameBytes;
    if (cached == null) {
      cached = new byte[layout.size()][];
      for (int i = 0; i < cached.length; i++) {
        cached[i] = layout.names().get(i).getBytes(StandardCharsets.UTF_8);
      }
      nameBytes = cached;
    }
    return cached[index];
  }

  private static int attributeDigest(int hash) {
    return hash == RecordDigest.NULL_VALUE || hash == RecordDigest.UNKNOWN_VALUE ? hash | 2 : hash;
  }
}
