package org.actitosync.pipeline.source;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The key ranges a partitioned read queries ({@link PartitionedJdbcRead}): the integer keys from
 * {@code min} to {@code max} split into at most {@code partitions} contiguous, non-overlapping
 * closed ranges of near-equal width (by key value, not by row count: skewed keys make uneven
 * partitions), plus the one range that selects the rows whose key is NULL.
 *
 * <p>Guarantees: the value ranges cover {@code [min, max]} exactly, in ascending order, each
 * non-empty, widths differing by at most one; there are {@code min(partitions, max - min + 1)} of
 * them (fewer when the span is narrower than the partitions); every bound is a {@code long}
 * computed without overflow, at {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} too. Closed
 * ranges rather than half-open ones, so the last range needs no bound above {@code max}, which
 * would overflow at {@link Long#MAX_VALUE}. Pure.
 */
public final class PartitionRanges {
  private PartitionRanges() {}

  /**
   * One query's share of the key: {@code lower <= key <= upper}, or, for {@link #nullKeys()}, the
   * rows whose key is NULL (its bounds then select nothing: {@code lower > upper}).
   */
  public record Range(long lower, long upper, boolean nullKeys) implements Serializable {
    /** The range of the rows whose key is NULL. */
    public static Range ofNullKeys() {
      return new Range(1, 0, true);
    }

    @Override
    public String toString() {
      return nullKeys ? "[key IS NULL]" : "[" + lower + ", " + upper + "]";
    }
  }

  /**
   * The ranges of a segment whose keys span {@code [min, max]} ({@code min} and {@code max} null
   * for a segment with no non-NULL key: then only the NULL-key range), the NULL-key range last.
   *
   * @throws IllegalArgumentException when {@code partitions < 1}, {@code min > max}, or only one
   *     of the two is null
   */
  public static List<Range> of(Long min, Long max, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
    }
    if ((min == null) != (max == null)) {
      throw new IllegalArgumentException("min and max must both be null or both set: " + min + ", " + max);
    }
    List<Range> ranges = new ArrayList<>(values(min, max, partitions));
    ranges.add(Range.ofNullKeys());
    return List.copyOf(ranges);
  }

  /** The value ranges only (empty when {@code min} and {@code max} are null). */
  static List<Range> values(Long min, Long max, int partitions) {
    if (min == null) {
      return List.of();
    }
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
    // max - min + 1 keys: up to 2^64, so counted in BigInteger (once per run, a handful of ranges).
    BigInteger keys = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    BigInteger count = keys.min(BigInteger.valueOf(partitions));
    BigInteger[] widthAndRest = keys.divideAndRemainder(count);
    List<Range> ranges = new ArrayList<>(count.intValueExact());
    BigInteger lower = BigInteger.valueOf(min);
    for (int i = 0; i < count.intValueExact(); i++) {
      BigInteger width = widthAndRest[0].add(i < widthAndRest[1].intValueExact() ? BigInteger.ONE : BigInteger.ZERO);
      BigInteger upper = lower.add(width).subtract(BigInteger.ONE);
      ranges.add(new Range(lower.longValueExact(), upper.longValueExact(), false));
      lower = upper.add(BigInteger.ONE);
    }
    return ranges;
  }
}
