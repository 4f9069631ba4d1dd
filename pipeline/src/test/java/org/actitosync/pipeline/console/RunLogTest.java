package org.actitosync.pipeline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.actitosync.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunLog} with real java.util.logging loggers, a real local snapshot store and files. */
class RunLogTest {
  static final Logger RUNNER = Logger.getLogger("org.apache.flink.runtime.SomeComponent");
  static final Logger PROGRESS = Logger.getLogger(RunLog.PROGRESS_LOGGER);

  @TempDir Path dir;
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  final Logger root = LogManager.getLogManager().getLogger("");
  List<Handler> before;

  @BeforeEach
  void saveRootHandlers() {
    before = List.of(root.getHandlers());
  }

  @AfterEach
  void restoreRootHandlers() {
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    before.forEach(root::addHandler);
  }

  String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  SnapshotStore store() {
    return new SnapshotStore(dir.resolve("snapshots").toString(), "orders");
  }

  Path runFolder(String runId) {
    return dir.resolve("snapshots/orders/runs").resolve(runId);
  }

  @Test
  void recordsBeforeTheRunFolderIsKnownAreHeldThenWrittenFirstAndNothingReachesTheTerminal() throws Exception {
    try (RunLog log = RunLog.start(out, err)) {
      RUNNER.info("loaded before the run id");
      RUNNER.warning("a runner warning");
      assertEquals("", out() + err());
      log.open(store(), "r1", "", false);
      RUNNER.info("during the run");
      assertEquals(runFolder("r1").resolve("run.log").toString(), log.location().orElseThrow());
    }
    List<String> lines = Files.readAllLines(runFolder("r1").resolve("run.log"));
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).endsWith("INFO org.apache.flink.runtime.SomeComponent: loaded before the run id"), lines.get(0));
    assertTrue(lines.get(1).contains("WARNING org.apache.flink.runtime.SomeComponent: a runner warning"), lines.get(1));
    assertTrue(lines.get(2).endsWith(": during the run"), lines.get(2));
    assertEquals("", out() + err());
  }

  @Test
  void theWritersProgressLineReachesOutAndTheFile() throws Exception {
    try (RunLog log = RunLog.start(out, err)) {
      log.open(store(), "r2", "", false);
      PROGRESS.log(Level.INFO, "run {0}: {1} changes and profiles written so far", new Object[] {"r2", 100});
      RUNNER.info("not for the terminal");
    }
    assertEquals("progress: run r2: 100 changes and profiles written so far" + System.lineSeparator(), out());
    assertEquals("", err());
    String file = Files.readString(runFolder("r2").resolve("run.log"));
    assertTrue(file.contains("run r2: 100 changes"), file);
    assertTrue(file.contains("not for the terminal"), file);
  }

  @Test
  void verboseAlsoPrintsTheRunnersLogsOnErrButTheProgressLineOnlyOnce() {
    try (RunLog log = RunLog.start(out, err)) {
      RUNNER.info("held first");
      log.open(store(), "r3", "", true);
      RUNNER.info("then live");
      PROGRESS.info("run r3: 1 changes and profiles written so far");
    }
    assertTrue(err().contains("org.apache.flink.runtime.SomeComponent: held first"), err());
    assertTrue(err().contains("org.apache.flink.runtime.SomeComponent: then live"), err());
    assertFalse(err().contains("written so far"), err());
    assertEquals(1, out().lines().count(), out());
  }

  @Test
  void aDryRunsLogIsInItsPlanFolder() {
    try (RunLog log = RunLog.start(out, err)) {
      log.open(store(), "r4", "plan/", false);
      RUNNER.info("planning");
    }
    assertTrue(Files.isRegularFile(runFolder("r4").resolve("plan/run.log")));
    assertFalse(Files.exists(runFolder("r4").resolve("run.log")));
  }

  @Test
  void aFailureGoesToTheFileWithItsStackTraceAndNotToTheTerminalEvenVerbose() throws Exception {
    try (RunLog log = RunLog.start(out, err)) {
      log.open(store(), "r5", "", true);
      log.failure("the pipeline failed", new IllegalStateException("boom", new RuntimeException("cause")));
    }
    String file = Files.readString(runFolder("r5").resolve("run.log"));
    assertTrue(file.contains("SEVERE actito-sync: the pipeline failed"), file);
    assertTrue(file.contains("java.lang.IllegalStateException: boom"), file);
    assertTrue(file.lines().anyMatch(l -> l.matches("^\\s+at .*")), file);
    assertTrue(file.contains("Caused by: java.lang.RuntimeException: cause"), file);
    assertEquals("", out() + err());
  }

  @Test
  void afterCloseRecordsAreDropped() throws Exception {
    try (RunLog log = RunLog.start(out, err)) {
      log.open(store(), "r6", "", true);
    }
    RUNNER.info("a runner shutting down after the run");
    assertEquals("", out() + err());
    assertEquals("", Files.readString(runFolder("r6").resolve("run.log")));
  }

  @Test
  void aRunThatEndsBeforeItsFolderIsKnownWritesNoFileAndPrintsNothing() {
    try (RunLog log = RunLog.start(out, err)) {
      RUNNER.severe("config load failed");
      assertTrue(log.location().isEmpty());
    }
    assertFalse(Files.exists(dir.resolve("snapshots")));
    assertEquals("", out() + err());
  }

  @Test
  void aRemoteRootGetsATemporaryFileCopiedIntoTheRunFolderAtTheEnd() throws Exception {
    AtomicReference<String> copied = new AtomicReference<>();
    Path[] temp = new Path[1];
    try (RunLog log = RunLog.start(out, err)) {
      log.open(null, "gs://bucket/orders/runs/r7/run.log", () -> copied.set(readTemp(temp)), false);
      temp[0] = log.localFile();
      RUNNER.info("on the way to gs");
      assertEquals("gs://bucket/orders/runs/r7/run.log", log.location().orElseThrow());
    }
    assertTrue(copied.get().contains("on the way to gs"), copied.get());
    assertFalse(Files.exists(temp[0]), "the temporary file is removed once copied");
    assertEquals("", out() + err());
  }

  @Test
  void aCopyThatFailsSaysWhereTheFileIsKept() {
    try (RunLog log = RunLog.start(out, err)) {
      log.open(null, "gs://bucket/orders/runs/r8/run.log", () -> {
        throw new IllegalStateException("no access");
      }, false);
      RUNNER.info("kept locally");
    }
    assertTrue(err().startsWith("actito-sync: cannot copy run.log to gs://bucket/orders/runs/r8/run.log (no access): it is kept at "),
        err());
    Path kept = Path.of(err().trim().replaceAll(".*it is kept at ", ""));
    assertTrue(Files.isRegularFile(kept), err());
  }

  @Test
  void aRunFolderThatCannotBeWrittenIsSaidOnceAndVerboseStillPrints() throws Exception {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where the folder should be");
    try (RunLog log = RunLog.start(out, err)) {
      RUNNER.info("held");
      log.open(blocker.resolve("runs/r10/run.log"), "somewhere/run.log", () -> {}, true);
      RUNNER.info("live");
      assertTrue(log.location().isEmpty());
    }
    List<String> lines = err().lines().toList();
    assertTrue(lines.get(0).startsWith("actito-sync: cannot write somewhere/run.log ("), err());
    assertTrue(lines.get(0).endsWith("): the runner's log is dropped"), err());
    assertTrue(err().contains("SomeComponent: held") && err().contains("SomeComponent: live"), err());
    assertEquals(3, lines.size(), err());
  }

  @Test
  void recordsBeyondTheBufferAreCountedNotKept() throws Exception {
    try (RunLog log = RunLog.start(out, err)) {
      for (int i = 0; i < RunLog.BUFFERED + 5; i++) {
        RUNNER.info("early " + i);
      }
      log.open(store(), "r9", "", false);
    }
    List<String> lines = Files.readAllLines(runFolder("r9").resolve("run.log"));
    assertEquals(RunLog.BUFFERED + 1, lines.size());
    assertTrue(lines.get(lines.size() - 1).endsWith("WARNING actito-sync: 5 earlier records dropped (more than 10000)"),
        lines.get(lines.size() - 1));
  }

  private static String readTemp(Path[] temp) {
    try {
      return Files.readString(temp[0]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
