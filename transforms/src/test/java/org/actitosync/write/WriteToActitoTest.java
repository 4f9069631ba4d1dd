package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.actitosync.write.WriterFixture.orders;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WriteToActito on the DirectRunner against the emulator over real HTTP. */
class WriteToActitoTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @Test
  void concurrencyNeverExceedsTheCap() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(1).latencyMillis(3).build()).start()) {
      List<MappedRecord> rows = orders(500, "c-");
      WriterConfig config = config(emulator, WriterFixture.KEY).setConcurrency(3).setStrategy(Strategy.RECORDS).build();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config);
      PAssert.that(render(outcomes))
          .containsInAnyOrder(rows.stream().map(r -> "APPLIED " + r.key()).collect(Collectors.toList()));
      beam.pipeline().run().waitUntilFinish();

      EmulatorStats stats = emulator.admin().stats();
      assertTrue(stats.peakConcurrent() <= 3, "peak concurrency " + stats.peakConcurrent());
      assertTrue(stats.peakConcurrent() >= 2, "the calls did run in parallel: " + stats.peakConcurrent());
      assertEquals(0, stats.served429Concurrency());
      assertEquals(501, emulator.admin().records("demo", "orders").size());
    }
  }

  @Test
  void oneInvalidRowIsRejectedWithStatusAndMessageWhileTheOthersApply() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>(orders(5, "v-"));
      rows.add(order("bad", 1, "1", "BOGUS"));
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.MIRROR, rows), config(emulator, WriterFixture.KEY).build());
      PAssert.that(render(outcomes))
          .containsInAnyOrder("APPLIED v-0", "APPLIED v-1", "APPLIED v-2", "APPLIED v-3", "APPLIED v-4", "REJECTED bad");
      PAssert.that(WriteToActito.deadLetters(outcomes, "run-7")).satisfies(lines -> {
        String line = lines.iterator().next();
        assertTrue(line.startsWith("{\"key\":\"bad\",\"operation\":\"INSERT\",\"runId\":\"run-7\""), line);
        assertTrue(line.contains("\"httpStatus\":400"), line);
        assertTrue(line.contains("status"), line);
        assertEquals(1, com.google.common.collect.Iterables.size(lines));
        return null;
      });
      PAssert.that(outcomes.apply(Filter.by(o -> o.change().key().equals("bad"))))
          .satisfies(all -> {
            WriteOutcome o = all.iterator().next();
            assertEquals(400, o.httpStatus());
            assertTrue(o.message().contains("status"), o.message());
            return null;
          });
      beam.pipeline().run().waitUntilFinish();
      assertEquals(6, emulator.admin().records("demo", "orders").size());
    }
  }

  @Test
  void aReplayedWriteConvergesToTheSameDestination() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<Classification> changes = new ArrayList<>(newKeys(SyncMode.UPSERT, orders(20, "re-")));
      changes.addAll(newKeys(SyncMode.INSERT, orders(5, "ins-")));
      org.apache.beam.sdk.Pipeline first = org.apache.beam.sdk.Pipeline.create(
          org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
      write(first, changes, config(emulator, WriterFixture.KEY).build());
      first.run().waitUntilFinish();
      List<Map<String, Object>> afterFirst = emulator.admin().records("demo", "orders");

      // the same changes again, as a crashed and restarted run would send them
      PCollection<WriteOutcome> replay = write(beam.pipeline(), changes, config(emulator, WriterFixture.KEY).build());
      List<String> expected = new ArrayList<>();
      for (Classification c : changes) {
        expected.add((c.key().startsWith("ins-") ? "SKIPPED_EXISTS " : "APPLIED ") + c.key());
      }
      PAssert.that(render(replay)).containsInAnyOrder(expected);
      beam.pipeline().run().waitUntilFinish();
      assertEquals(afterFirst, emulator.admin().records("demo", "orders"));
      assertEquals(26, afterFirst.size());
    }
  }

  @Test
  void syncModeSemanticsOnTheWire() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      // o-1 exists in Actito (created by someone else). INSERT must not touch it; UPDATE of a
      // missing record is SKIPPED_MISSING, not an error.
      List<Classification> changes = new ArrayList<>();
      changes.addAll(newKeys(SyncMode.INSERT, List.of(order("o-1", 1, "99", "PAID"), order("i-1", 1, "1", "NEW"))));
      List<Classification> updateMode = newKeys(SyncMode.UPDATE, List.of(order("u-missing", 1, "2", "NEW")));
      PCollection<WriteOutcome> inserts = write(beam.pipeline(), changes, config(emulator, WriterFixture.KEY).build());
      PAssert.that(render(inserts)).containsInAnyOrder("SKIPPED_EXISTS o-1", "APPLIED i-1");
      PCollection<WriteOutcome> updates = beam.pipeline()
          .apply("UpdateChanges", org.apache.beam.sdk.transforms.Create.of(updateMode)
              .withCoder(org.actitosync.coders.ClassificationCoder.of()))
          .apply("WriteUpdates", WriteToActito.with(config(emulator, WriterFixture.KEY).build()));
      PAssert.that(updates.apply("RenderUpdates", org.apache.beam.sdk.transforms.MapElements
              .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(o -> o.status() + " " + o.change().key())))
          .containsInAnyOrder("SKIPPED_MISSING u-missing");
      beam.pipeline().run().waitUntilFinish();
      Map<String, Object> o1 = emulator.admin().records("demo", "orders").stream()
          .filter(r -> "o-1".equals(r.get("orderId"))).findFirst().orElseThrow();
      assertEquals("NEW", o1.get("status"), "INSERT modified an existing record");
      assertTrue(emulator.admin().records("demo", "orders").stream().noneMatch(r -> "u-missing".equals(r.get("orderId"))));
    }
  }

  @Test
  void anUpdateSendsOnlyTheChangedAttributesAndTheKey() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      MappedRecord before = order("o-1", 1, "10.5", "NEW");
      MappedRecord after = order("o-1", 1, "10.5", "PAID");
      // someone set a note on o-1 in Actito: an update of status must leave it alone
      emulator.admin().putRecords("demo", "orders",
          List.of(Map.of("orderId", "o-1", "customerId", 1, "amount", 10.5, "status", "NEW", "note", "by hand")));
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(),
          WriterFixture.updates(SyncMode.UPSERT, List.of(before), List.of(after)),
          config(emulator, WriterFixture.KEY).build());
      PAssert.that(render(outcomes)).containsInAnyOrder("APPLIED o-1");
      beam.pipeline().run().waitUntilFinish();
      Map<String, Object> o1 = emulator.admin().records("demo", "orders").get(0);
      assertEquals("PAID", o1.get("status"));
      assertEquals("by hand", o1.get("note"));
    }
  }

  @Test
  void mirrorDeletesAndADeleteOfAnAbsentRecordIsApplied() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      org.actitosync.classify.Classifier classifier =
          new org.actitosync.classify.Classifier(SyncMode.MIRROR, WriterFixture.DIGESTER, 2);
      MappedRecord o1 = order("o-1", 1, "10.5", "NEW");
      List<Classification> deletes = List.of(
          classifier.classify("o-1", List.of(), org.actitosync.snapshot.SnapshotEntry.written("o-1", WriterFixture.DIGESTER.digest(o1), 1)),
          classifier.classify("gone", List.of(), org.actitosync.snapshot.SnapshotEntry.written("gone", WriterFixture.DIGESTER.digest(o1), 1)));
      PAssert.that(render(write(beam.pipeline(), deletes, config(emulator, WriterFixture.KEY).build())))
          .containsInAnyOrder("APPLIED o-1", "APPLIED gone");
      beam.pipeline().run().waitUntilFinish();
      assertEquals(0, emulator.admin().records("demo", "orders").size());
    }
  }
}
