package org.actitosync.pipeline.source;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 100,000-row segment read through {@link JdbcSource} (a server-side cursor, its output not
 * redistributed) on the Flink runner's embedded cluster at parallelism 2 (the DirectRunner is too
 * slow at this size), then through {@link PartitionedJdbcRead} in 4 partitions: every row arrives
 * exactly once (count and an order-independent checksum of the keys).
 */
class JdbcParallelReadTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.flinkLocal();

  static final int ROWS = 100_000;

  @BeforeAll
  static void createSegment() throws Exception {
    Postgres.execute(
        "DROP TABLE IF EXISTS segment",
        "CREATE TABLE segment AS SELECT 'k' || g AS id, g AS n, g * 1.5 AS amount"
            + " FROM generate_series(1, " + ROWS + ") g");
  }

  /** Count, sum of key hashes, sum of n: equal to the expected values only if every row came once. */
  static final class Checksum extends Combine.CombineFn<MappedRecord, Checksum.Sums, String> {
    static final class Sums implements Serializable {
      long count;
      long keyHashes;
      long sum;
    }

    @Override
    public Sums createAccumulator() {
      return new Sums();
    }

    @Override
    public Sums addInput(Sums sums, MappedRecord record) {
      sums.count++;
      sums.keyHashes += record.key().hashCode();
      sums.sum += Long.parseLong(record.values().get("n"));
      return sums;
    }

    @Override
    public Sums mergeAccumulators(Iterable<Sums> all) {
      Sums merged = new Sums();
      for (Sums sums : all) {
        merged.count += sums.count;
        merged.keyHashes += sums.keyHashes;
        merged.sum += sums.sum;
      }
      return merged;
    }

    @Override
    public String extractOutput(Sums sums) {
      return sums.count + "/" + sums.keyHashes + "/" + sums.sum;
    }

    @Override
    public Coder<Sums> getAccumulatorCoder(CoderRegistry registry, Coder<MappedRecord> input) {
      return SerializableCoder.of(Sums.class);
    }
  }

  static String expected(java.util.function.IntFunction<String> key) {
    long keyHashes = 0;
    for (int g = 1; g <= ROWS; g++) {
      keyHashes += key.apply(g).hashCode();
    }
    return ROWS + "/" + keyHashes + "/" + ((long) ROWS * (ROWS + 1) / 2);
  }

  @Test
  void readsAHundredThousandRowsExactlyOnceInParallel() {
    PAssert.thatSingleton(checksumOfRead(1, "id")).isEqualTo(expected(g -> "k" + g));
    beam.pipeline().run().waitUntilFinish();
  }

  /** The same segment in 4 key ranges of its integer column n (PartitionedJdbcRead), on the same cluster. */
  @Test
  void readsAHundredThousandRowsExactlyOnceInFourPartitions() {
    PAssert.thatSingleton(checksumOfRead(4, "n")).isEqualTo(expected(String::valueOf));
    beam.pipeline().run().waitUntilFinish();
  }

  /** The checksum of the segment read through {@link SourceRead} in {@code partitions}, keyed by {@code key}. */
  private PCollection<String> checksumOfRead(int partitions, String key) {
    JdbcSourceConfig config =
        JdbcSourceConfig.create(
            Postgres.url(),
            JdbcSourceConfig.POSTGRESQL_DRIVER,
            Optional.of("postgres"),
            Optional.empty(),
            "SELECT id, n, amount FROM segment",
            5_000,
            partitions);
    RowMapping mapping =
        RowMapping.of(
            AttributeLayout.of(
                Map.of("id", AttributeType.STRING, "n", AttributeType.LONG, "amount", AttributeType.NUMBER)),
            Map.of("id", "id", "n", "n", "amount", "amount"),
            key);
    return beam.pipeline()
        .apply("ReadSource", SourceRead.of(SourceConfig.of(config), mapping))
        .apply("Checksum", Combine.globally(new Checksum()));
  }
}
