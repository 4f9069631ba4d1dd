package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk writes through v5 ETL executions in the pipeline: a large UPSERT change set under AUTO goes
 * as one-shot executions, a forced BULK triggers the seeded ETL, an unreadable error report fails
 * the execution's rows, INSERT and UPDATE never go bulk.
 */
class BulkWriteTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @Test
  void aLargeChangeSetUsesOneShotEtlAndMapsReportLinesToKeys() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        boolean bad = i % 250 == 7;
        rows.add(order("k-" + i, 1, i + ".25", bad ? "BOGUS" : "NEW"));
        expected.add((bad ? "REJECTED" : "APPLIED") + " k-" + i);
      }
      List<Classification> changes = newKeys(SyncMode.UPSERT, rows);
      // plus one delete: deletes always go record by record
      changes.add(new org.actitosync.classify.Classifier(SyncMode.MIRROR, WriterFixture.DIGESTER, 2)
          .classify("o-1", List.of(), org.actitosync.snapshot.SnapshotEntry.written("o-1",
              WriterFixture.DIGESTER.digest(order("o-1", 1, "10.5", "NEW")), 1)));
      expected.add("APPLIED o-1");
      WriterConfig config = config(emulator, WriterFixture.KEY).setCallsPerMinute(90).build();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), changes, config);
      PAssert.that(render(outcomes)).containsInAnyOrder(expected);
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          if (o.status() == OutcomeStatus.REJECTED) {
            assertTrue(o.message().contains("status"), o.message());
          }
        }
        return null;
      });
      PipelineResult result = beam.pipeline().run();
      result.waitUntilFinish();

      long calls = emulator.admin().stats().totalCalls();
      assertTrue(calls < 40, "bulk made " + calls + " calls for 801 changes");
      assertEquals(1L, emulator.admin().stats().byRoute().get("POST /etl-executions"),
          emulator.admin().stats().byRoute().toString());
      assertEquals(800 - 4, emulator.admin().records("demo", "orders").size());
      assertEquals(1, PacedWriteTest.counter(result, WriterMetrics.NAMESPACE, "strategy.BULK"));
    }
  }

  @Test
  void forcedBulkTriggersTheConfiguredEtl() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        boolean bad = i == 4 || i == 21;
        rows.add(order("t-" + i, 1, i + ".5", bad ? "BOGUS" : "PAID"));
        expected.add((bad ? "REJECTED" : "APPLIED") + " t-" + i);
      }
      WriterConfig config = config(emulator, WriterFixture.KEY).setStrategy(Strategy.BULK)
          .setEtlId("123456").build();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), newKeys(SyncMode.MIRROR, rows), config);
      PAssert.that(render(outcomes)).containsInAnyOrder(expected);
      beam.pipeline().run().waitUntilFinish();
      assertEquals(1L, emulator.admin().stats().byRoute().get("POST /etls/{id}/trigger-execution"));
      assertEquals(null, emulator.admin().stats().byRoute().get("POST /etl-executions"));
      assertEquals(1 + 28, emulator.admin().records("demo", "orders").size());
    }
  }

  @Test
  void anUnreadableErrorReportFailsTheExecutionsRows() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      emulator.admin().errorReports(org.actitosync.emulator.imports.ErrorReportMode.GARBLED);
      List<MappedRecord> rows = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rows.add(order("g-" + i, 1, "1", i == 3 ? "BOGUS" : "NEW"));
        expected.add("FAILED g-" + i);
      }
      WriterConfig config = config(emulator, WriterFixture.KEY).setStrategy(Strategy.BULK).build();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config);
      PAssert.that(render(outcomes)).containsInAnyOrder(expected);
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          assertTrue(o.message().contains("error report is unusable"), o.message());
        }
        return null;
      });
      beam.pipeline().run().waitUntilFinish();
    }
  }

  @Test
  void insertAndUpdateModesNeverGoBulk() {
    WriterConfig config = WriterConfig.builder()
        .setClient(org.actitosync.actito.ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:1")
            .setEntity("demo").setApiKey(org.actitosync.actito.ApiKey.of("k")).build())
        .setTable("orders").setKeyAttribute("orderId").attributeTypes(WriterFixture.LAYOUT.types())
        .setRunKey("choice").build();
    for (SyncMode mode : List.of(SyncMode.INSERT, SyncMode.UPDATE)) {
      ChangeStats stats = new ChangeStats();
      List<MappedRecord> rows = WriterFixture.orders(50_000, "m-");
      List<Classification> changes = mode == SyncMode.INSERT ? newKeys(mode, rows)
          : WriterFixture.updates(mode, rows, WriterFixture.orders(50_000, "m-").stream()
              .map(r -> order(r.key(), 2, "9", "PAID")).collect(java.util.stream.Collectors.toList()));
      changes.forEach(stats::add);
      StrategyChooser.Choice choice = WriteToActito.choose(config, stats);
      assertEquals(Strategy.RECORDS, choice.strategy(), mode.toString());
      assertEquals(StrategyChooser.BULK_ONLY_CREATE_OR_UPDATE, choice.reason());
      WriterConfig forced = config.toBuilder().setStrategy(Strategy.BULK).build();
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> WriteToActito.choose(forced, stats));
      assertTrue(e.getMessage().contains("write.strategy"), e.getMessage());
    }
    assertEquals(Strategy.BULK, WriteToActito.choose(config, stats(50_000)).strategy());
  }

  @Test
  void aSmallChangeSetUsesRecordCalls() {
    StrategyChooser.Choice choice = WriteToActito.choose(
        WriterConfig.builder()
            .setClient(org.actitosync.actito.ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:1")
                .setEntity("demo").setApiKey(org.actitosync.actito.ApiKey.of("k")).build())
            .setTable("orders").setKeyAttribute("orderId").attributeTypes(WriterFixture.LAYOUT.types())
            .setRunKey("choice").build(),
        stats(100));
    assertEquals(Strategy.RECORDS, choice.strategy());
    assertTrue(choice.reason().contains("record calls are faster"), choice.reason());
  }

  static ChangeStats stats(int upserts) {
    ChangeStats stats = new ChangeStats();
    for (Classification c : newKeys(SyncMode.UPSERT, org.actitosync.write.WriterFixture.orders(upserts, "s-"))) {
      stats.add(c);
    }
    return stats;
  }
}
