package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.actitosync.pipeline.source.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment query that fails after some rows were fetched (division by zero on row 300, fetched 50
 * rows at a time): the run fails with exit code 1, Actito receives no record call at all, and the
 * snapshot's {@code CURRENT} still names the previous run.
 */
class SourceFailureEndToEndTest {
  static final int ROWS = 400;
  static final int FETCH = 50;

  @TempDir Path dir;

  @Test
  void aQueryFailingMidStreamWritesNothingAndCommitsNothing() throws Exception {
    try (Activations a = new Activations(dir, "source-failure")) {
      a.sql("INSERT INTO " + a.table + " SELECT 'k-' || g, 1 + g % 2, g, 'NEW' FROM generate_series(1, 3) g");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config).code());
      String committed = Files.readString(dir.resolve("snapshots/source-failure/CURRENT")).trim();
      Map<String, String> synced = a.amounts();

      a.sql("INSERT INTO " + a.table + " SELECT 'k-' || g, 1 + g % 2, g, 'NEW' FROM generate_series(4, " + ROWS + ") g");
      // a sequential scan streams the rows in insertion order; the expression fails on k-300 only
      String failing = "SELECT order_id, customer_id, amount / (CASE WHEN order_id = 'k-300' THEN 0 ELSE 1 END)"
          + " AS amount, status FROM " + a.table;
      assertTrue(rowsBeforeFailure(failing) >= FETCH, "the query must fail mid-stream, after some rows");
      a.emulator.admin().resetStats();

      Activations.Result run = a.launch("--config=" + config, "--source.jdbc.query=" + failing,
          "--source.jdbc.fetchSize=" + FETCH);

      assertEquals(ExitCode.PIPELINE_FAILURE.code(), run.code(), run.out() + run.err());
      assertTrue(run.err().contains("division by zero"), run.err());
      assertTrue(run.err().contains("nothing was committed"), run.err());
      // unexpected: the message, then where the details are (the stack trace is in run.log only)
      String logLine = run.err().lines().filter(l -> l.startsWith("actito-sync: details in ")).findFirst()
          .orElseThrow(() -> new AssertionError("no run.log path: " + run.err()));
      java.nio.file.Path runLog = java.nio.file.Path.of(logLine.substring("actito-sync: details in ".length()));
      assertTrue(runLog.startsWith(dir.resolve("snapshots/source-failure/runs")) && runLog.endsWith("run.log"), logLine);
      assertTrue(Files.readString(runLog).contains("division by zero"), Files.readString(runLog));
      assertTrue(Files.readString(runLog).lines().anyMatch(l -> l.matches("^\\s+at .*")), "the stack trace");
      assertTrue(run.err().lines().noneMatch(l -> l.matches("^\\s+at .*")), run.err());
      assertEquals(0, a.writeCalls(), "no record or import call: " + a.emulator.admin().stats().byRoute());
      assertEquals(0, a.emulator.admin().stats().route("GET /record/{key}"));
      assertEquals(synced, a.amounts());
      assertEquals(committed, Files.readString(dir.resolve("snapshots/source-failure/CURRENT")).trim());
    }
  }

  /** Rows the query delivers, {@value #FETCH} at a time through a cursor, before it raises its error. */
  static int rowsBeforeFailure(String query) throws SQLException {
    int rows = 0;
    try (Connection connection = Postgres.server().getPostgresDatabase().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(FETCH);
        ResultSet rs = statement.executeQuery(query);
        int[] seen = {0};
        SQLException failure = assertThrows(SQLException.class, () -> {
          while (rs.next()) {
            seen[0]++;
          }
        });
        assertTrue(failure.getMessage().contains("division by zero"), failure.getMessage());
        rows = seen[0];
      }
    }
    assertTrue(rows < ROWS, "the query returned every row: " + rows);
    return rows;
  }
}
