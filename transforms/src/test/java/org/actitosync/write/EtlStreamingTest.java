package org.actitosync.write;

import static org.actitosync.write.WriterFixture.KEY;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.actitosync.actito.ActitoClient;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.record.MappedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path streams: changes read once, each file executed as soon as it is full, its outcomes
 * given from disk, every file under the cap, every temporary file deleted (also on failure), over
 * real HTTP against the emulator, which refuses (400) any file over its cap.
 */
class EtlStreamingTest {
  @TempDir Path tempDir;

  /** An iterable that can be iterated once only (as a Flink batch group), counting what was read. */
  private static Iterable<Classification> once(List<Classification> changes, AtomicInteger read) {
    AtomicBoolean used = new AtomicBoolean();
    return () -> {
      if (used.getAndSet(true)) {
        throw new IllegalStateException("iterated twice");
      }
      Iterator<Classification> it = changes.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Classification next() {
          read.incrementAndGet();
          return it.next();
        }
      };
    };
  }

  private void write(ActitoEmulator emu, long cap, Iterable<Classification> changes,
      Consumer<WriteOutcome> out) {
    WriterConfig.Builder b = WriterFixture.config(emu, KEY);
    WriterConfig config = b.setClient(b.build().client().toBuilder().setMaxImportBytes(cap).build()).build();
    try (ActitoClient client = ActitoClient.builder(config.client())
        .sleeper(ms -> Thread.sleep(Math.min(ms, 20))).build()) {
      new EtlBulkWrites(client, config, tempDir).write(changes, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long filesInTempDir() {
    try (var files = Files.list(tempDir)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void manyRowsThroughATinyCapEachFileUnderItOneOutcomePerRowNothingLeftOnDisk() {
    long cap = 4_000;
    int n = 2_000;
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(cap)
        .bulkImportsPerTablePerDay(10_000).start()) {
      List<MappedRecord> rows = new ArrayList<>();
      int bad = 0;
      for (int i = 0; i < n; i++) {
        rows.add(order("m-" + i, 1, i + ".5", i % 331 == 17 ? "BOGUS" : "NEW"));
        bad += i % 331 == 17 ? 1 : 0;
      }
      AtomicInteger read = new AtomicInteger();
      Map<String, OutcomeStatus> byKey = new HashMap<>();
      List<Integer> readAtOutcome = new ArrayList<>();
      List<Long> filesAtOutcome = new ArrayList<>();
      write(emu, cap, once(newKeys(SyncMode.UPSERT, rows), read), o -> {
        assertEquals(null, byKey.put(o.change().key(), o.status()), "one outcome per row: " + o);
        readAtOutcome.add(read.get());
        filesAtOutcome.add(filesInTempDir());
      });

      assertEquals(n, byKey.size());
      for (int i = 0; i < n; i++) {
        assertEquals(i % 331 == 17 ? OutcomeStatus.REJECTED : OutcomeStatus.APPLIED,
            byKey.get("m-" + i), "m-" + i);
      }
      assertTrue(readAtOutcome.get(0) < n / 10,
          "the first file is executed as soon as it is full, not after reading everything: "
              + readAtOutcome.get(0));
      assertEquals(2L, filesAtOutcome.get(0), "a file's CSV and its spilled changes, on disk");
      assertEquals(0, filesInTempDir(), "every temporary file deleted");
      Map<String, Long> statuses = emu.admin().stats().byRouteAndStatus();
      long executions = statuses.getOrDefault("POST /etl-executions 200", 0L);
      assertTrue(executions >= 10, statuses.toString());
      assertEquals(executions, readAtOutcome.stream().distinct().count(),
          "each file's outcomes given before the next file's changes are read");
      assertEquals(null, statuses.get("POST /etl-executions 400"), "no file over the cap: " + statuses);
      assertEquals(1 + n - bad, emu.admin().records("demo", "orders").size());
    }
  }

  @Test
  void aFileRefusedAsAWholeIsHalvedFromDiskAndNothingIsLeft() {
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(3_000).start()) {
      List<WriteOutcome> outcomes = new ArrayList<>();
      write(emu, 100L << 20, once(newKeys(SyncMode.UPSERT, WriterFixture.orders(1_000, "h-")),
          new AtomicInteger()), outcomes::add);
      assertEquals(1_000, outcomes.stream().filter(o -> o.status() == OutcomeStatus.APPLIED)
          .map(o -> o.change().key()).distinct().count());
      assertEquals(1_000, outcomes.size());
      assertTrue(emu.admin().stats().byRouteAndStatus().getOrDefault("POST /etl-executions 400", 0L) >= 1);
      assertEquals(0, filesInTempDir());
    }
  }

  @Test
  void aFailureWhileGivingOutcomesLeavesNoTemporaryFile() {
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(4_000)
        .bulkImportsPerTablePerDay(100).start()) {
      AtomicInteger given = new AtomicInteger();
      RuntimeException e = assertThrows(RuntimeException.class, () -> write(emu, 4_000,
          once(newKeys(SyncMode.UPSERT, WriterFixture.orders(500, "f-")), new AtomicInteger()), o -> {
            if (given.incrementAndGet() == 5) {
              throw new IllegalStateException("downstream broke");
            }
          }));
      assertEquals("downstream broke", e.getMessage());
      assertEquals(0, filesInTempDir());
    }
  }
}
