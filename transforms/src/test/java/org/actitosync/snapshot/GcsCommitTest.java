package org.actitosync.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.actitosync.snapshot.CommitFiles.Versioned;
import org.actitosync.testing.Fixtures;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.extensions.gcp.options.GcsOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot commit on {@code gs://} against {@link FakeGcs}, an in-memory GCS JSON API that
 * enforces generation preconditions, through the real client built from {@code GcsOptions}.
 */
class GcsCommitTest {
  private static final String BUCKET = "snapshots";
  private FakeGcs gcs;
  private PipelineOptions options;

  @BeforeEach
  void start() throws Exception {
    gcs = new FakeGcs();
    options = PipelineOptionsFactory.create();
    options.as(GcsOptions.class).setGcsEndpoint(gcs.endpoint());
    // A static token: the real credential adapter, no refresh, nothing to look up.
    options
        .as(GcpOptions.class)
        .setGcpCredential(
            GoogleCredentials.create(
                new AccessToken("test-token", new Date(System.currentTimeMillis() + 3_600_000))));
    FileSystems.setDefaultPipelineOptions(options); // resolves gs:// paths (no I/O)
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), gcs.unexpectedCalls());
    gcs.close();
  }

  private SnapshotStore store() {
    return new SnapshotStore("gs://" + BUCKET + "/root", "orders");
  }

  private static Manifest manifest(String runId, String base, int number) {
    return Manifest.of("orders", runId, base, number, Fixtures.LAYOUT, Map.of("entries", 1L));
  }

  private String object(String name) {
    return gcs.object(BUCKET, "root/orders/" + name)
        .map(b -> new String(b.content(), StandardCharsets.UTF_8).trim())
        .orElse("(absent)");
  }

  private ResourceId file(String name) {
    return FileSystems.matchNewResource("gs://" + BUCKET + "/root/orders/" + name, false);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void createIfAbsentCreatesOnceAndNeverOverwrites() throws Exception {
    GcsCommitFiles files = GcsCommitFiles.create(options);
    assertTrue(files.createIfAbsent(file("claims/r1"), bytes("a")));
    assertFalse(files.createIfAbsent(file("claims/r1"), bytes("b")));
    assertEquals("a", object("claims/r1"));
    assertEquals(Optional.empty(), files.read(file("claims/other")));
  }

  @Test
  void aStaleWriterCannotReplaceCurrent() throws Exception {
    GcsCommitFiles files = GcsCommitFiles.create(options);
    files.write(file("CURRENT"), bytes("r1\n"));
    Optional<Versioned> read = files.read(file("CURRENT"));
    assertArrayEquals(bytes("r1\n"), read.orElseThrow().content());
    assertTrue(files.replaceIfUnchanged(file("CURRENT"), bytes("r2\n"), read));
    assertFalse(files.replaceIfUnchanged(file("CURRENT"), bytes("r1\n"), read)); // stale
    assertFalse(files.replaceIfUnchanged(file("CURRENT"), bytes("x\n"), Optional.empty()));
    assertEquals("r2", object("CURRENT"));
  }

  @Test
  void commitMovesCurrentToTheRun() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    store().commit(manifest("r2", "r1", 2), options);
    store().commit(manifest("r2", "r1", 2), options); // a retried commit is a no-op
    assertEquals("r2", object("CURRENT"));
    assertEquals("r1", object("claims/_initial"));
    assertEquals("r2", object("claims/r1"));
    assertEquals(manifest("r2", "r1", 2), Manifest.fromJson(
        gcs.object(BUCKET, "root/orders/runs/r2/manifest.json").orElseThrow().content()));
  }

  @Test
  void twoCommitsRacingOnOneBaseExactlyOneWins() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    CyclicBarrier bothAtTheClaim = new CyclicBarrier(2);
    AtomicInteger atTheClaim = new AtomicInteger();
    gcs.beforeUpload =
        name -> {
          if (name.endsWith("claims/r1") && atTheClaim.incrementAndGet() <= 2) {
            try {
              bothAtTheClaim.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("the two commits did not race", e);
            }
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> commits = new ArrayList<>();
    for (String runId : List.of("r2a", "r2b")) {
      commits.add(pool.submit(() -> {
        store().commit(manifest(runId, "r1", 2), options);
        return null;
      }));
    }
    List<String> winners = new ArrayList<>();
    List<Throwable> losers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try {
        commits.get(i).get(60, TimeUnit.SECONDS);
        winners.add(i == 0 ? "r2a" : "r2b");
      } catch (ExecutionException e) {
        losers.add(e.getCause());
      }
    }
    pool.shutdownNow();
    assertEquals(2, atTheClaim.get(), "both commits reached the claim");
    assertEquals(1, winners.size(), "exactly one winner, losers: " + losers);
    String winner = winners.get(0);
    String loser = winner.equals("r2a") ? "r2b" : "r2a";
    CommitConflictException conflict =
        assertInstanceOf(CommitConflictException.class, losers.get(0));
    assertTrue(conflict.getMessage().contains("run " + loser + " cannot commit: run " + winner
        + " already committed from the same base r1"), conflict.getMessage());
    assertEquals(winner, object("claims/r1"));
    assertEquals(winner, object("CURRENT"));
  }

  @Test
  void aSecondCommitFromTheSameBaseIsRefused() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    store().commit(manifest("r2a", "r1", 2), options);
    CommitConflictException conflict =
        assertThrows(
            CommitConflictException.class, () -> store().commit(manifest("r2b", "r1", 2), options));
    assertTrue(conflict.getMessage().contains("run r2a already committed"), conflict.getMessage());
    assertEquals("r2a", object("CURRENT"));
    assertEquals("r2a", object("claims/r1"));
  }

  @Test
  void aLoserCompletesTheWinnersInterruptedCommit() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    // r2a claimed r1 and wrote its manifest, then died before moving CURRENT.
    gcs.put(BUCKET, "root/orders/runs/r2a/manifest.json", manifest("r2a", "r1", 2).toJson());
    gcs.put(BUCKET, "root/orders/claims/r1", bytes("r2a"));
    assertThrows(
        CommitConflictException.class, () -> store().commit(manifest("r2b", "r1", 2), options));
    assertEquals("r2a", object("CURRENT"));
  }

  @Test
  void currentMovedByAnotherWriterIsNotMovedBack() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    // Between r2's read of CURRENT and its write, someone else sets CURRENT.
    gcs.beforeUpload = name -> {
      if (name.endsWith("/CURRENT")) {
        gcs.beforeUpload = n -> {};
        gcs.put(BUCKET, "root/orders/CURRENT", bytes("elsewhere\n"));
      }
    };
    CommitConflictException conflict =
        assertThrows(
            CommitConflictException.class, () -> store().commit(manifest("r2", "r1", 2), options));
    assertTrue(conflict.getMessage().contains("CURRENT moved to elsewhere"), conflict.getMessage());
    assertEquals("elsewhere", object("CURRENT"));
  }

  @Test
  void currentRolledForwardPastTheRunMeanwhileCountsAsCommitted() throws Exception {
    store().commit(manifest("r1", null, 1), options);
    // Another run completes r2's commit and a run r3 based on r2 commits, before r2's own write.
    gcs.beforeUpload = name -> {
      if (name.endsWith("/CURRENT")) {
        gcs.beforeUpload = n -> {};
        try {
          gcs.put(BUCKET, "root/orders/runs/r3/manifest.json", manifest("r3", "r2", 3).toJson());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        gcs.put(BUCKET, "root/orders/CURRENT", bytes("r3\n"));
      }
    };
    store().commit(manifest("r2", "r1", 2), options);
    assertEquals("r3", object("CURRENT"));
  }
}
