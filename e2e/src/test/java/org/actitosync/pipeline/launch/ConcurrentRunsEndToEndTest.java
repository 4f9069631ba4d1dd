package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.RequestHold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one activation started at the same moment from the same committed run, made to overlap
 * for certain: the emulator holds the first delete of c2 until the other run's delete of c2 has
 * arrived, so both runs are writing before either can commit. Both write
 * every change (idempotent upserts, 404-tolerant deletes), exactly one commits, the other fails with
 * exit code 6 and says which run won; a third run starts from the winner and leaves the destination
 * equal to the source.
 */
class ConcurrentRunsEndToEndTest {
  static final String DELETE = "DELETE /record/{key}";

  @TempDir Path dir;

  @Test
  void twoRunsFromOneBaseOneCommitsTheOtherConflictsAndTheNextRunConverges() throws Exception {
    try (Activations a = new Activations(dir, "concurrent")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('c1',1,10,'NEW'),('c2',2,20,'NEW'),('c3',1,30,'NEW')");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config, "--runId=base").code());
      a.sql("UPDATE " + a.table + " SET amount = 11 WHERE order_id = 'c1'",
          "DELETE FROM " + a.table + " WHERE order_id = 'c2'",
          "INSERT INTO " + a.table + " VALUES ('c4',2,40,'PAID'),('c5',1,50,'NEW')");
      a.emulator.admin().resetStats();
      // each run deletes c2 once: neither run's writes can finish before the other's delete arrived
      RequestHold bothWriting = a.emulator.admin().holdRequests(DELETE, 2, Duration.ofMinutes(2));

      // two threads of their own (the common pool may have a single thread on a small machine)
      ExecutorService threads = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      Future<Activations.Result> left = threads.submit(() -> after(start, "left", a, config));
      Future<Activations.Result> right = threads.submit(() -> after(start, "right", a, config));
      start.countDown();
      Activations.Result l = left.get(3, TimeUnit.MINUTES);
      Activations.Result r = right.get(3, TimeUnit.MINUTES);
      threads.shutdown();
      assertTrue(bothWriting.met(), "the runs did not overlap: " + bothWriting.arrivals() + " delete(s) arrived");

      String winner = Files.readString(dir.resolve("snapshots/concurrent/CURRENT")).trim();
      Activations.Result won = winner.equals("left") ? l : r;
      Activations.Result lost = winner.equals("left") ? r : l;
      String loser = winner.equals("left") ? "right" : "left";
      assertTrue(Set.of("left", "right").contains(winner), winner);
      assertEquals(0, won.code(), won.out() + won.err());
      assertEquals(ExitCode.COMMIT_CONFLICT.code(), lost.code(), lost.out() + lost.err());
      assertTrue(lost.err().contains("run " + loser + " cannot commit: run " + winner
          + " already committed from the same base base"), lost.err());
      assertEquals(1, lost.err().lines().filter(line -> line.startsWith("actito-sync: commit conflict: ")).count(), lost.err());
      assertFalse(lost.err().contains("Exception") || lost.err().contains("\tat "), "expected: no Java on the terminal: " + lost.err());
      assertEquals(winner, Files.readString(dir.resolve("snapshots/concurrent/claims/base")).trim());

      // both runs wrote every change; the loser's second writes changed nothing
      EmulatorStats stats = a.emulator.admin().stats();
      assertEquals(2 * 3, stats.route("POST /record"), stats.byRoute().toString()); // c1, c4, c5 twice
      assertEquals(1, stats.routeStatus(DELETE, 200));
      assertEquals(1, stats.routeStatus(DELETE, 404), "the second delete finds it gone");
      assertEquals(1, stats.creates("orders", "c4"));
      assertEquals(1, stats.creates("orders", "c5"));
      assertEquals(Map.of(), stats.repeatedCreates("orders"));
      Map<String, String> expected = Map.of("c1", "11", "c3", "30", "c4", "40", "c5", "50", "o-1", "10.5");
      assertEquals(expected, a.amounts());

      long writes = a.writeCalls();
      Activations.Result third = a.launch("--config=" + config, "--runId=third");
      assertEquals(0, third.code(), third.out() + third.err());
      assertEquals(winner, ActivationEndToEndTest.report(a, third).path("baseRunId").asText());
      assertEquals(expected, a.amounts());
      assertEquals(writes, a.writeCalls(), "the winner's snapshot already holds every change");
      assertEquals(List.of("third"), List.of(Files.readString(dir.resolve("snapshots/concurrent/CURRENT")).trim()));
    }
  }

  private static Activations.Result after(CountDownLatch start, String runId, Activations a, Path config)
      throws InterruptedException {
    start.await();
    return a.launch("--config=" + config, "--runId=" + runId);
  }
}
