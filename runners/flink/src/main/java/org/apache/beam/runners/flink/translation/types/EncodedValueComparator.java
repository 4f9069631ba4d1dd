package org.apache.beam.runners.flink.translation.types;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeComparator;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.MemorySegment;

/**
 * The order of Beam's encoded keys on Flink batch, with a normalised key: this jar's replacement for
 * the Beam runner's class of the same name (Beam 2.62.0), which the shaded jar leaves out.
 *
 * <p>Beam's Flink runner groups every {@code GroupByKey} and {@code CoGroupByKey} of a batch job by
 * the key's encoded bytes ({@link KvKeySelector}, {@link EncodedValueTypeInformation}), and Flink sorts
 * the records by them with this comparator. Beam's own comparator offers Flink no normalised key, so
 * Flink's in-memory sort compares every pair of records in full: it decodes both keys into new arrays
 * (79 % of the sorting thread in a profile of the 1,000,000-row benchmark; docs/benchmarks.md). This
 * one orders keys exactly as Beam's does, and gives Flink a normalised key consistent with that order.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>The order is Beam's.</b> Ascending: byte by byte as <em>signed</em> values, and a key
 *       that is a prefix of another comes first. Descending is its reverse. {@link #hash} is {@link
 *       Arrays#hashCode(byte[])}, as Beam's, so records partition as before.
 *   <li><b>The normalised key never contradicts the order.</b> It is the key's first bytes with the
 *       sign bit flipped ({@code b ^ 0x80}: signed order becomes Flink's unsigned order), padded with
 *       {@code 0x00}. When two normalised keys differ, the keys compare the same way; when they are
 *       equal, the key may be longer than the normalised part ({@link #isNormalizedKeyPrefixOnly} is
 *       always true) and Flink compares the records in full. A sort therefore puts equal keys next to
 *       each other whatever their bytes, which is what grouping needs.
 * </ul>
 *
 * <p>{@code EncodedValueComparatorTest} checks both against Beam's own class, loaded from the Beam
 * runner's jar, and against Flink's sorter; {@code FlinkGroupingTest} groups keys of every byte on
 * Flink. If a Beam upgrade changes the runner's class, those tests say so.
 */
public class EncodedValueComparator extends TypeComparator<byte[]> {
  /**
   * Beam's class's (computed, it declares none), with the same serialised field ({@code ascending}):
   * a job graph written with either class reads with the other, e.g. on a Flink cluster that loads
   * Beam's runner from its own class path before the job's jar. Its sorts then have no normalised key,
   * and group the same.
   */
  private static final long serialVersionUID = -2003249363172603564L;
  private static final int SIGN_BIT = 0x80;

  private final boolean ascending;
  private transient byte[] reference;

  /** A comparator of encoded keys, ascending or descending. */
  public EncodedValueComparator(boolean ascending) {
    this.ascending = ascending;
  }

  @Override
  public int hash(byte[] record) {
    return Arrays.hashCode(record);
  }

  @Override
  public void setReference(byte[] toCompare) {
    this.reference = toCompare;
  }

  @Override
  public boolean equalToReference(byte[] candidate) {
    return Arrays.equals(reference, candidate);
  }

  @Override
  public int compareToReference(TypeComparator<byte[]> referencedComparator) {
    return compare(((EncodedValueComparator) referencedComparator).reference, reference);
  }

  @Override
  public int compare(byte[] first, byte[] second) {
    return directed(Arrays.compare(first, second));
  }

  @Override
  public int compareSerialized(DataInputView firstSource, DataInputView secondSource)
      throws IOException {
    int firstLength = firstSource.readInt();
    int secondLength = secondSource.readInt();
    int common = Math.min(firstLength, secondLength);
    for (int i = 0; i < common; i++) {
      int order = Byte.compare(firstSource.readByte(), secondSource.readByte());
      if (order != 0) {
        return directed(order);
      }
    }
    return directed(Integer.compare(firstLength, secondLength));
  }

  /** An ascending comparison's result in this comparator's direction. */
  private int directed(int ascendingOrder) {
    return ascending ? ascendingOrder : -ascendingOrder;
  }

  @Override
  public boolean supportsNormalizedKey() {
    return true;
  }

  @Override
  public int getNormalizeKeyLen() {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean isNormalizedKeyPrefixOnly(int keyBytes) {
    return true;
  }

  @Override
  public void putNormalizedKey(byte[] record, MemorySegment target, int offset, int numBytes) {
    int fromKey = Math.min(numBytes, record.length);
    for (int i = 0; i < fromKey; i++) {
      target.put(offset + i, (byte) (record[i] ^ SIGN_BIT));
    }
    for (int i = fromKey; i < numBytes; i++) {
      target.put(offset + i, (byte) 0);
    }
  }

  @Override
  public boolean invertNormalizedKey() {
    return !ascending;
  }

  @Override
  public boolean supportsSerializationWithKeyNormalization() {
    return false;
  }

  @Override
  public void writeWithKeyNormalization(byte[] record, DataOutputView target) {
    throw new UnsupportedOperationException("keys are not serialised with their normalised key");
  }

  @Override
  public byte[] readWithKeyDenormalization(byte[] reuse, DataInputView source) {
    throw new UnsupportedOperationException("keys are not serialised with their normalised key");
  }

  @Override
  public TypeComparator<byte[]> duplicate() {
    return new EncodedValueComparator(ascending);
  }

  @Override
  public int extractKeys(Object record, Object[] target, int index) {
    target[index] = record;
    return 1;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public TypeComparator[] getFlatComparators() {
    return new TypeComparator[] {this};
  }
}
