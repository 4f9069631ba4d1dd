package org.actitosync.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.actitosync.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
  @TempDir Path root;

  SnapshotStore store() {
    return new SnapshotStore(root.toString(), "orders");
  }

  static Manifest manifest(String runId, String base, int number) {
    return Manifest.of("orders", runId, base, number, Fixtures.LAYOUT, Map.of("entries", 1L));
  }

  /** A run whose entries were written (a file under entries/) but not yet committed. */
  void writeRun(String runId) throws Exception {
    Path entries = root.resolve("orders/runs/" + runId + "/entries");
    Files.createDirectories(entries);
    Files.write(entries.resolve("part-00000-of-00001.avro"), new byte[] {1});
  }

  @Test
  void commitMovesCurrentAndRecordsTheManifest() throws Exception {
    SnapshotStore store = store();
    assertTrue(store.currentRun().isEmpty());
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    assertEquals("r1", store.currentRun().orElseThrow());
    assertEquals(manifest("r1", null, 1), store.currentManifest().orElseThrow());
    writeRun("r2");
    store.commit(manifest("r2", "r1", 2));
    assertEquals("r2", store.currentRun().orElseThrow());
    assertEquals(List.of("r2", "r1"), store.committedChain());
  }

  @Test
  void recommittingTheSameRunIsANoOp() throws Exception {
    SnapshotStore store = store();
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    store.commit(manifest("r1", null, 1));
    assertEquals("r1", store.currentRun().orElseThrow());
  }

  @Test
  void aSecondRunFromTheSameBaseFailsItsCommitAndLeavesCurrentIntact() throws Exception {
    SnapshotStore store = store();
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    writeRun("r2a");
    writeRun("r2b");
    store.commit(manifest("r2a", "r1", 2));
    CommitConflictException conflict =
        assertThrows(CommitConflictException.class, () -> store.commit(manifest("r2b", "r1", 2)));
    assertTrue(conflict.getMessage().contains("r2a already committed from the same base r1"), conflict.getMessage());
    assertEquals("r2a", store.currentRun().orElseThrow());
  }

  @Test
  void concurrentCommitsFromTheSameBaseHaveExactlyOneWinner() throws Exception {
    SnapshotStore store = store();
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String runId = "r2-" + i;
      writeRun(runId);
      Callable<Boolean> commit =
          () -> {
            start.await();
            try {
              new SnapshotStore(root.toString(), "orders").commit(manifest(runId, "r1", 2));
              return true;
            } catch (CommitConflictException e) {
              return false;
            }
          };
      results.add(pool.submit(commit));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> result : results) {
      winners += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, winners);
    String current = store.currentRun().orElseThrow();
    assertTrue(current.startsWith("r2-"), current);
    assertEquals("r1", store.readManifest(current).orElseThrow().baseRunId());
  }

  @Test
  void aRunThatFailsBeforeItsCommitLeavesCurrentUntouched() throws Exception {
    SnapshotStore store = store();
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    writeRun("r2"); // entries written, then the run died: no commit
    assertEquals("r1", store.currentRun().orElseThrow());
    writeRun("r3");
    store.commit(manifest("r3", "r1", 2)); // the next run starts from r1 again and commits
    assertEquals("r3", store.currentRun().orElseThrow());
  }

  @Test
  void aCommitInterruptedAfterItsClaimIsCompletedByTheNextAttempt() throws Exception {
    SnapshotStore store = store();
    writeRun("r1");
    store.commit(manifest("r1", null, 1));
    writeRun("r2");
    // r2 wrote its manifest and claimed base r1, then died before moving CURRENT
    Files.write(root.resolve("orders/runs/r2/manifest.json"), manifest("r2", "r1", 2).toJson());
    Files.createDirectories(root.resolve("orders/claims"));
    Files.write(root.resolve("orders/claims/r1"), "r2".getBytes());
    writeRun("r3");
    assertThrows(CommitConflictException.class, () -> store.commit(manifest("r3", "r1", 2)));
    assertEquals("r2", store.currentRun().orElseThrow(), "r2's commit rolled forward");
  }

  @Test
  void retentionKeepsTheLastCommittedRunsAndOnlyRemovesOlderOnes() throws Exception {
    SnapshotStore store = store();
    String base = null;
    for (int i = 1; i <= 7; i++) {
      String id = "r" + i;
      writeRun(id);
      store.commit(manifest(id, base, i));
      base = id;
      if (i == 3) {
        writeRun("r3x"); // a failed run that never committed
      }
    }
    writeRun("r8"); // a run still in progress, newer than every committed one
    List<String> removed = store.retain(3);
    assertEquals(List.of("r1", "r2", "r3", "r3x", "r4"), removed);
    assertEquals(List.of("r5", "r6", "r7", "r8"), store.listRuns());
    assertFalse(Files.exists(root.resolve("orders/runs/r1")));
    assertEquals(List.of("r7", "r6", "r5"), store.committedChain());
    assertThrows(IllegalArgumentException.class, () -> store.retain(0));
  }

  @Test
  void activationNamesThatCouldEscapeTheRootAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SnapshotStore(root.toString(), "../x"));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotStore(root.toString(), "a/b"));
  }
}
