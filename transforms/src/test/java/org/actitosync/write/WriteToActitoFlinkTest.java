package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.orders;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The concurrency cap on the Flink runner's embedded cluster (parallelism 2: the one writer still keeps it). */
class WriteToActitoFlinkTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.flinkLocal();

  @Test
  void concurrencyNeverExceedsTheCapOnFlink() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(1).latencyMillis(3).build()).start()) {
      List<MappedRecord> rows = orders(500, "fl-");
      WriterConfig config = config(emulator, WriterFixture.KEY).setConcurrency(3).setStrategy(Strategy.RECORDS).build();
      PAssert.that(render(write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config)))
          .containsInAnyOrder(rows.stream().map(r -> "APPLIED " + r.key()).collect(Collectors.toList()));
      beam.pipeline().run().waitUntilFinish();

      EmulatorStats stats = emulator.admin().stats();
      assertTrue(stats.peakConcurrent() <= 3, "peak concurrency " + stats.peakConcurrent());
      assertEquals(0, stats.served429Concurrency());
      assertEquals(501, emulator.admin().records("demo", "orders").size());
    }
  }
}
