package org.actitosync.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Another bounded source's elements, read in lists of up to {@code size} in their order: every
 * element of the source exactly once, in the same splits ({@link #split} splits the source).
 *
 * <p>Why: Beam's Flink runner updates all of a task's metrics after every element a bounded source
 * reads ({@code ReaderInvocationUtil.invokeAdvance}), which cost 44 % of the CPU of reading a
 * 1,000,000-entry snapshot (docs/benchmarks.md); a list of elements pays it once. Flatten the lists
 * right after the read: the chained step then receives them without serialisation.
 *
 * <p>A reader does not split dynamically ({@link BoundedReader#splitAtFraction} returns null): a
 * list's elements are read ahead of the position the source's reader reports.
 */
final class BatchedSource<T> extends BoundedSource<List<T>> {
  private static final long serialVersionUID = 1L;

  private final BoundedSource<T> source;
  private final int size;

  private BatchedSource(BoundedSource<T> source, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a batch holds at least one element: " + size);
    }
    this.source = source;
    this.size = size;
  }

  static <T> BatchedSource<T> of(BoundedSource<T> source, int size) {
    return new BatchedSource<>(source, size);
  }

  @Override
  public List<BatchedSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options) throws Exception {
    return source.split(desiredBundleSizeBytes, options).stream()
        .map(split -> new BatchedSource<T>(split, size))
        .collect(Collectors.toList());
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws Exception {
    return source.getEstimatedSizeBytes(options);
  }

  @Override
  public BoundedReader<List<T>> createReader(PipelineOptions options) throws IOException {
    return new BatchReader<>(this, source.createReader(options));
  }

  @Override
  public Coder<List<T>> getOutputCoder() {
    return ListCoder.of(source.getOutputCoder());
  }

  @Override
  public void validate() {
    source.validate();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    builder.include("source", source).add(DisplayData.item("batchSize", size));
  }

  private static final class BatchReader<T> extends BoundedReader<List<T>> {
    private final BatchedSource<T> source;
    private final BoundedReader<T> reader;
    /** Whether the source's reader holds an element not yet put in a list. */
    private boolean pending;
    private @Nullable List<T> current;

    BatchReader(BatchedSource<T> source, BoundedReader<T> reader) {
      this.source = source;
      this.reader = reader;
    }

    @Override
    public boolean start() throws IOException {
      pending = reader.start();
      return nextBatch();
    }

    @Override
    public boolean advance() throws IOException {
      return nextBatch();
    }

    private boolean nextBatch() throws IOException {
      List<T> batch = new ArrayList<>(Math.min(source.size, 1024));
      while (pending && batch.size() < source.size) {
        batch.add(reader.getCurrent());
        pending = reader.advance();
      }
      current = batch.isEmpty() ? null : batch;
      return current != null;
    }

    @Override
    public List<T> getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public @Nullable Double getFractionConsumed() {
      return reader.getFractionConsumed();
    }

    @Override
    public BoundedSource<List<T>> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
