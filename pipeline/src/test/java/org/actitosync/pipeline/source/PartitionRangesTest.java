package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.actitosync.pipeline.source.PartitionRanges.Range;
import org.junit.jupiter.api.Test;

/** The key ranges of a partitioned read: exact cover, no overlap, no overflow. */
class PartitionRangesTest {

  private static Range r(long lower, long upper) {
    return new Range(lower, upper, false);
  }

  /** Asserts the value ranges cover [min, max] exactly, contiguous, ascending, widths within one. */
  private static void assertCovers(long min, long max, int partitions) {
    List<Range> ranges = PartitionRanges.of(min, max, partitions);
    assertEquals(Range.ofNullKeys(), ranges.get(ranges.size() - 1), "the NULL-key range comes last");
    List<Range> values = ranges.subList(0, ranges.size() - 1);
    BigInteger keys = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    assertEquals(keys.min(BigInteger.valueOf(partitions)).intValueExact(), values.size(), "range count");
    assertEquals(min, values.get(0).lower());
    assertEquals(max, values.get(values.size() - 1).upper());
    BigInteger total = BigInteger.ZERO;
    BigInteger narrowest = null;
    BigInteger widest = null;
    for (int i = 0; i < values.size(); i++) {
      Range range = values.get(i);
      assertTrue(!range.nullKeys() && range.lower() <= range.upper(), range + " is a non-empty value range");
      if (i > 0) {
        assertEquals(values.get(i - 1).upper() + 1, range.lower(), "contiguous, no overlap at " + i);
      }
      BigInteger width = BigInteger.valueOf(range.upper()).subtract(BigInteger.valueOf(range.lower())).add(BigInteger.ONE);
      total = total.add(width);
      narrowest = narrowest == null ? width : narrowest.min(width);
      widest = widest == null ? width : widest.max(width);
    }
    assertEquals(keys, total, "every key in exactly one range");
    assertTrue(widest.subtract(narrowest).compareTo(BigInteger.ONE) <= 0, "widths " + narrowest + ".." + widest);
  }

  @Test
  void splitsEvenlyWithTheRemainderOnTheFirstRanges() {
    assertEquals(List.of(r(1, 4), r(5, 7), r(8, 10), Range.ofNullKeys()), PartitionRanges.of(1L, 10L, 3));
    assertEquals(List.of(r(0, 99), Range.ofNullKeys()), PartitionRanges.of(0L, 99L, 1));
  }

  @Test
  void negativeKeys() {
    assertEquals(List.of(r(-10, -6), r(-5, -1), r(0, 4), Range.ofNullKeys()), PartitionRanges.of(-10L, 4L, 3));
    assertCovers(-1_000_003, -17, 7);
  }

  @Test
  void fewerRangesWhenTheSpanIsNarrowerThanThePartitions() {
    assertEquals(List.of(r(5, 5), r(6, 6), r(7, 7), Range.ofNullKeys()), PartitionRanges.of(5L, 7L, 10));
    assertCovers(5, 7, 1024);
  }

  @Test
  void aSingleValueIsOneRange() {
    assertEquals(List.of(r(42, 42), Range.ofNullKeys()), PartitionRanges.of(42L, 42L, 7));
    assertEquals(List.of(r(Long.MAX_VALUE, Long.MAX_VALUE), Range.ofNullKeys()),
        PartitionRanges.of(Long.MAX_VALUE, Long.MAX_VALUE, 3));
  }

  @Test
  void theWholeLongRangeWithoutOverflow() {
    List<Range> ranges = PartitionRanges.of(Long.MIN_VALUE, Long.MAX_VALUE, 2);
    assertEquals(List.of(r(Long.MIN_VALUE, -1), r(0, Long.MAX_VALUE), Range.ofNullKeys()), ranges);
    assertCovers(Long.MIN_VALUE, Long.MAX_VALUE, 7);
    assertCovers(Long.MIN_VALUE, Long.MAX_VALUE, 1024);
    assertCovers(Long.MIN_VALUE, Long.MIN_VALUE + 5, 3);
    assertCovers(Long.MAX_VALUE - 5, Long.MAX_VALUE, 4);
    assertCovers(-1, Long.MAX_VALUE, 3);
    assertCovers(Long.MIN_VALUE, 0, 1000);
  }

  @Test
  void coversExactlyAcrossSizes() {
    for (int partitions : new int[] {1, 2, 3, 7, 64, 1024}) {
      for (long[] span : new long[][] {{0, 0}, {1, 10}, {-3, 3}, {0, 1023}, {0, 1024}, {7, 1_000_000_007}}) {
        assertCovers(span[0], span[1], partitions);
      }
    }
  }

  @Test
  void noKeyLeavesOnlyTheNullKeyRange() {
    assertEquals(List.of(Range.ofNullKeys()), PartitionRanges.of(null, null, 5));
  }

  @Test
  void theNullKeyRangeSelectsNoValue() {
    Range nulls = Range.ofNullKeys();
    assertTrue(nulls.nullKeys() && nulls.lower() > nulls.upper());
  }

  @Test
  void refusesWhatCannotBeSplit() {
    assertThrows(IllegalArgumentException.class, () -> PartitionRanges.of(1L, 10L, 0));
    assertThrows(IllegalArgumentException.class, () -> PartitionRanges.of(10L, 1L, 3));
    assertThrows(IllegalArgumentException.class, () -> PartitionRanges.of(1L, null, 3));
  }
}
