package org.actitosync.record;

import java.util.Arrays;

/**
 * The digests of one mapped record: a 64-bit digest of the whole canonical record and a 32-bit
 * digest per attribute, by {@link AttributeLayout} position. Reserved values: row digest {@link
 * #UNKNOWN_ROW}; attribute digests {@link #NULL_VALUE} (null or absent) and {@link #UNKNOWN_VALUE}
 * (never seen, e.g. an attribute added to the mapping). Real hashes never take reserved values.
 */
public final class RecordDigest {
  public static final long UNKNOWN_ROW = 0L;
  public static final int NULL_VALUE = 0;
  public static final int UNKNOWN_VALUE = 1;

  private final long row;
  private final int[] attributes;

  RecordDigest(long row, int[] attributes) {
    this.row = row;
    this.attributes = attributes;
  }

  public long row() {
    return row;
  }

  /** A copy of the per-attribute digests. */
  public int[] attributes() {
    return attributes.clone();
  }

  int[] attributesUnsafe() {
    return attributes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordDigest
        && row == ((RecordDigest) o).row
        && Arrays.equals(attributes, ((RecordDigest) o).attributes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(row) * 31 + Arrays.hashCode(attributes);
  }

  @Override
  public String toString() {
    return Long.toHexString(row) + Arrays.toString(attributes);
  }
}
