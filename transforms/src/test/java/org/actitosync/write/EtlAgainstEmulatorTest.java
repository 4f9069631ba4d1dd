package org.actitosync.write;

import static org.actitosync.write.WriterFixture.KEY;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.actitosync.actito.ActitoClient;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.actitosync.record.MappedRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk writes through v5 ETL executions, over real HTTP against the embedded emulator, through the
 * real client: both ways (trigger of the seeded ETL 123456, one-shot with the jar's template), the
 * error report (normal, garbled, missing), the file cap split and the daily quota.
 */
class EtlAgainstEmulatorTest {
  static final String SEEDED_ETL = "123456";

  enum Way { TRIGGER, ONE_SHOT }

  private static WriterConfig config(ActitoEmulator emu, Way way, long maxImportBytes) {
    WriterConfig.Builder b = WriterFixture.config(emu, KEY);
    WriterConfig base = b.build();
    return b.setClient(base.client().toBuilder().setMaxImportBytes(maxImportBytes).build())
        .setEtlId(way == Way.TRIGGER ? SEEDED_ETL : null)
        .build();
  }

  private static List<WriteOutcome> write(ActitoEmulator emu, WriterConfig config,
      List<Classification> changes) {
    try (ActitoClient client = ActitoClient.builder(config.client())
        .sleeper(ms -> Thread.sleep(Math.min(ms, 20))).build()) {
      List<WriteOutcome> outcomes = new ArrayList<>();
      new EtlBulkWrites(client, config).write(changes, outcomes::add);
      return outcomes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Ten orders, the ones at {@code bad} with a status the table refuses. */
  private static List<Classification> tenOrders(int... bad) {
    List<MappedRecord> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      final int n = i;
      boolean refused = java.util.Arrays.stream(bad).anyMatch(b -> b == n);
      rows.add(order("e-" + i, 1, i + ".25", refused ? "BOGUS" : "PAID"));
    }
    return newKeys(SyncMode.UPSERT, rows);
  }

  private static Map<String, OutcomeStatus> byKey(List<WriteOutcome> outcomes) {
    return outcomes.stream().collect(Collectors.toMap(o -> o.change().key(), WriteOutcome::status,
        (a, b) -> a, TreeMap::new));
  }

  private static long count(List<WriteOutcome> outcomes, OutcomeStatus status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void bothWaysLandTheRows(Way way) {
    try (ActitoEmulator emu = WriterFixture.emulator().start()) {
      List<WriteOutcome> outcomes = write(emu, config(emu, way, 100L << 20), tenOrders());
      assertEquals(10, count(outcomes, OutcomeStatus.APPLIED), outcomes.toString());
      List<Map<String, Object>> stored = emu.admin().records("demo", "orders");
      assertEquals(11, stored.size(), "o-1 plus the ten");
      Map<String, Object> e3 = stored.stream().filter(r -> "e-3".equals(r.get("orderId")))
          .findFirst().orElseThrow();
      assertEquals("PAID", e3.get("status"));
      assertEquals(0, new java.math.BigDecimal("3.25").compareTo(new java.math.BigDecimal(e3.get("amount").toString())));
      String route = way == Way.TRIGGER ? "POST /etls/{id}/trigger-execution" : "POST /etl-executions";
      assertEquals(1L, emu.admin().stats().byRoute().getOrDefault(route, 0L),
          emu.admin().stats().byRoute().toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void theErrorReportsRowsAreRejectedWithActitosMessageAndTheOthersApplied(Way way) {
    try (ActitoEmulator emu = WriterFixture.emulator().start()) {
      List<WriteOutcome> outcomes = write(emu, config(emu, way, 100L << 20), tenOrders(2, 7));
      Map<String, OutcomeStatus> byKey = byKey(outcomes);
      assertEquals(OutcomeStatus.REJECTED, byKey.get("e-2"));
      assertEquals(OutcomeStatus.REJECTED, byKey.get("e-7"));
      assertEquals(8, count(outcomes, OutcomeStatus.APPLIED), byKey.toString());
      for (WriteOutcome o : outcomes) {
        if (o.status() == OutcomeStatus.REJECTED) {
          assertTrue(o.message().contains("status"), o.message());
          assertTrue(o.message().contains("BOGUS"), o.message());
        } else {
          assertNull(o.message());
        }
      }
      assertEquals(9, emu.admin().records("demo", "orders").size(), "o-1 plus the eight");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBLED", "MISSING"})
  void anUnreadableReportFailsEveryRowOfTheExecution(String mode) {
    try (ActitoEmulator emu = WriterFixture.emulator().start()) {
      emu.admin().errorReports(ErrorReportMode.valueOf(mode));
      List<WriteOutcome> outcomes = write(emu, config(emu, Way.ONE_SHOT, 100L << 20), tenOrders(2, 7));
      assertEquals(10, count(outcomes, OutcomeStatus.FAILED), byKey(outcomes).toString());
      assertTrue(outcomes.get(0).message().contains("error report"), outcomes.get(0).message());
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void filesOverTheCapAreSplitIntoSeveralExecutions(Way way) {
    long cap = 4_000;
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(cap).start()) {
      List<Classification> changes = newKeys(SyncMode.UPSERT, WriterFixture.orders(400, "s-"));
      List<WriteOutcome> outcomes = write(emu, config(emu, way, cap), changes);
      assertEquals(400, count(outcomes, OutcomeStatus.APPLIED));
      String route = way == Way.TRIGGER ? "POST /etls/{id}/trigger-execution" : "POST /etl-executions";
      long executions = emu.admin().stats().byRoute().getOrDefault(route, 0L);
      assertTrue(executions >= 3, "executions: " + executions);
      assertEquals(401, emu.admin().records("demo", "orders").size());
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aFileActitoRefusesAsAWholeIsSplitInHalvesUntilItGoesThrough(Way way) {
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(3_000).start()) {
      List<Classification> changes = newKeys(SyncMode.UPSERT, WriterFixture.orders(1_000, "h-"));
      List<WriteOutcome> outcomes = write(emu, config(emu, way, 100L << 20), changes);
      assertEquals(1_000, count(outcomes, OutcomeStatus.APPLIED), byKey(outcomes).toString());
      Map<String, Long> statuses = emu.admin().stats().byRouteAndStatus();
      String route = way == Way.TRIGGER ? "POST /etls/{id}/trigger-execution" : "POST /etl-executions";
      assertTrue(statuses.getOrDefault(route + " 400", 0L) >= 1, statuses.toString());
      assertTrue(statuses.getOrDefault(route + " 200", 0L) >= 2, statuses.toString());
      assertEquals(1_001, emu.admin().records("demo", "orders").size());
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void overTheDailyQuotaRowsAreFailedNotLost(Way way) {
    long cap = 4_000;
    try (ActitoEmulator emu = WriterFixture.emulator().maxImportBytes(cap)
        .bulkImportsPerTablePerDay(1).retryAfterSeconds(0).start()) {
      List<Classification> changes = newKeys(SyncMode.UPSERT, WriterFixture.orders(400, "q-"));
      List<WriteOutcome> outcomes = write(emu, config(emu, way, cap), changes);
      long applied = count(outcomes, OutcomeStatus.APPLIED);
      long failed = count(outcomes, OutcomeStatus.FAILED);
      assertTrue(applied > 0 && failed > 0, byKey(outcomes).toString());
      assertEquals(400, applied + failed, "every row has an outcome");
      assertEquals(applied + 1, emu.admin().records("demo", "orders").size());
      outcomes.stream().filter(o -> o.status() == OutcomeStatus.FAILED)
          .forEach(o -> assertEquals(429, o.httpStatus()));
    }
  }
}
