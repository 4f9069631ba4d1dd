package org.actitosync.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.CountingSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.junit.jupiter.api.Test;

class BatchedSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  private static List<Long> flattened(List<List<Long>> batches, int size) {
    List<Long> elements = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      List<Long> batch = batches.get(i);
      assertTrue(!batch.isEmpty() && batch.size() <= size, "batch " + i + " holds " + batch.size());
      if (i < batches.size() - 1) {
        assertEquals(size, batch.size(), "only the last batch of a reader is short");
      }
      elements.addAll(batch);
    }
    return elements;
  }

  @Test
  void readsEveryElementOnceInOrderInFullBatches() throws Exception {
    for (long n : new long[] {0, 1, 6, 7, 8, 50, 1000, 2001}) {
      for (int size : new int[] {1, 7, 1000}) {
        BoundedSource<Long> source = CountingSource.upTo(n);
        List<List<Long>> batches = SourceTestUtils.readFromSource(BatchedSource.of(source, size), OPTIONS);
        assertEquals(SourceTestUtils.readFromSource(source, OPTIONS), flattened(batches, size), n + " by " + size);
      }
    }
  }

  @Test
  void splitsAsItsSourceAndTheSplitsTogetherReadEveryElementOnce() throws Exception {
    BoundedSource<Long> source = CountingSource.upTo(10_000);
    for (long bundleBytes : new long[] {8, 800, 8_000, 80_000, 1 << 20}) {
      List<? extends BoundedSource<Long>> expected = source.split(bundleBytes, OPTIONS);
      List<BatchedSource<Long>> splits = BatchedSource.of(source, 64).split(bundleBytes, OPTIONS);
      assertEquals(expected.size(), splits.size(), "splits of " + bundleBytes + " bytes");
      List<Long> all = new ArrayList<>();
      for (int i = 0; i < splits.size(); i++) {
        List<Long> read = flattened(SourceTestUtils.readFromSource(splits.get(i), OPTIONS), 64);
        assertEquals(SourceTestUtils.readFromSource(expected.get(i), OPTIONS), read, "split " + i);
        all.addAll(read);
      }
      all.sort(Long::compare);
      assertEquals(SourceTestUtils.readFromSource(source, OPTIONS), all);
    }
  }

  @Test
  void aReaderDoesNotSplitDynamically() throws Exception {
    try (BoundedSource.BoundedReader<List<Long>> reader =
        BatchedSource.of(CountingSource.upTo(100), 10).createReader(OPTIONS)) {
      assertTrue(reader.start());
      assertEquals(null, reader.splitAtFraction(0.5));
      int batches = 1;
      while (reader.advance()) {
        batches++;
      }
      assertEquals(10, batches);
    }
  }
}
