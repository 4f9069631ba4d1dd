package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk writes end to end through v5 ETL executions, from PostgreSQL to the emulator through the
 * launcher: UPSERT and MIRROR with {@code write.strategy: BULK}, by triggering the seeded ETL and by
 * one-shot executions; an unreadable error report makes the rows FAILED (not committed) and the
 * next run converges; preflight refuses an unknown or unfit ETL before any data moves.
 */
class EtlEndToEndTest {
  static final String ETL_ROUTE = "POST /etls/{id}/trigger-execution";
  static final String ONE_SHOT_ROUTE = "POST /etl-executions";

  @TempDir Path dir;

  private static long calls(Activations a, String route) {
    return a.emulator.admin().stats().byRoute().getOrDefault(route, 0L);
  }

  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource({"UPSERT,TRIGGER", "UPSERT,ONE_SHOT", "MIRROR,TRIGGER", "MIRROR,ONE_SHOT"})
  void twoRunsLandWhatTheModePromises(SyncMode mode, String way) throws Exception {
    try (Activations a = new Activations(dir, "etl-" + mode.name().toLowerCase() + "-" + way.toLowerCase().replace('_', '-'))) {
      a.write.add("strategy: BULK");
      if (way.equals("TRIGGER")) {
        a.write.add("bulk: {etlId: \"123456\"}");
      }
      ModesEndToEndTest.seed(a);
      Path config = a.config(mode.name());

      Activations.Result first = a.launch("--config=" + config);
      assertEquals(0, first.code(), first.out() + first.err());
      assertEquals(ModesEndToEndTest.expectedAfterFirst(mode), a.amounts(), first.out());
      String used = way.equals("TRIGGER") ? ETL_ROUTE : ONE_SHOT_ROUTE;
      String unused = way.equals("TRIGGER") ? ONE_SHOT_ROUTE : ETL_ROUTE;
      assertEquals(1, calls(a, used), a.emulator.admin().stats().byRoute().toString());
      assertEquals(0, calls(a, unused));
      assertEquals(0, calls(a, "POST /record"), "creates and updates went bulk");

      a.sql("UPDATE " + a.table + " SET amount = 11 WHERE order_id = 'r1'",
          "DELETE FROM " + a.table + " WHERE order_id = 'r2'",
          "INSERT INTO " + a.table + " VALUES ('r7',1,70,'NEW')");
      Activations.Result second = a.launch("--config=" + config);
      assertEquals(0, second.code(), second.out() + second.err());
      assertEquals(ModesEndToEndTest.expectedAfterSecond(mode), a.amounts(), second.out());
      assertEquals(2, calls(a, used));
    }
  }

  @Test
  void anUnreadableErrorReportFailsTheRowsAndTheNextRunConverges() throws Exception {
    try (Activations a = new Activations(dir, "etl-garbled")) {
      a.write.add("strategy: BULK");
      a.sql("INSERT INTO " + a.table + " VALUES ('g1',1,10,'NEW'),('g2',1,20,'BOGUS'),('g3',2,30,'PAID'),"
          + "('g4',2,40,'NEW')");
      Path config = a.config("UPSERT");
      a.emulator.admin().errorReports(ErrorReportMode.GARBLED);
      Activations.Result first = a.launch("--config=" + config);
      assertEquals(ExitCode.REJECTED_ROWS.code(), first.code(), first.out() + first.err());
      assertEquals(1, calls(a, ONE_SHOT_ROUTE));

      // the source row is fixed and the report readable again: every row is resent and lands
      a.emulator.admin().errorReports(ErrorReportMode.NORMAL);
      a.sql("UPDATE " + a.table + " SET status = 'NEW' WHERE order_id = 'g2'");
      Activations.Result second = a.launch("--config=" + config);
      assertEquals(0, second.code(), second.out() + second.err());
      assertEquals(2, calls(a, ONE_SHOT_ROUTE));
      Map<String, String> expected = new TreeMap<>(Map.of("o-1", "10.5", "g1", "10", "g2", "20",
          "g3", "30", "g4", "40"));
      assertEquals(expected, a.amounts(), second.out());
      Map<String, String> statuses = new TreeMap<>();
      a.emulator.admin().records("demo", "orders")
          .forEach(r -> statuses.put((String) r.get("orderId"), (String) r.get("status")));
      assertEquals("NEW", statuses.get("g2"));

      long before = a.writeCalls();
      Activations.Result third = a.launch("--config=" + config);
      assertEquals(0, third.code(), third.out() + third.err());
      assertEquals(before, a.writeCalls(), "nothing left to send: " + third.out());
    }
  }

  @Test
  void preflightRefusesAnUnknownOrUnfitEtlBeforeAnyDataMoves() throws Exception {
    try (Activations a = new Activations(dir, "etl-preflight")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('p1',1,10,'NEW')");
      a.write.add("strategy: BULK");
      a.write.add("bulk: {etlId: \"999\"}");
      Activations.Result missing = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), missing.code(), missing.out() + missing.err());
      assertTrue((missing.out() + missing.err()).contains(
          "write.bulk.etlId: ETL 999 does not exist in entity demo"), missing.out() + missing.err());

      a.write.set(1, "bulk: {etlId: \"654321\"}");
      Activations.Result createOnly = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), createOnly.code());
      assertTrue((createOnly.out() + createOnly.err()).contains(
          "write.bulk.etlId: ETL 654321 has mode CREATE_ONLY"), createOnly.out() + createOnly.err());

      a.write.set(1, "bulk: {etlId: \"777\"}");
      Activations.Result otherTable = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), otherTable.code());
      assertTrue((otherTable.out() + otherTable.err()).contains(
          "write.bulk.etlId: ETL 777 writes table 'returns', not the target table 'orders'"),
          otherTable.out() + otherTable.err());
      assertEquals(0, a.writeCalls());
      assertEquals(Map.of("o-1", "10.5"), a.amounts());
    }
  }
}
