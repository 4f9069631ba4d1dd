package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.preflight.PreflightException;
import org.actitosync.snapshot.CommitConflictException;
import org.junit.jupiter.api.Test;

/** The one map from a failure to its exit code, and the line it prints. */
class ExitCodeTest {
  @Test
  void typedFailuresDecideTheirCodeWhereverTheyAreInTheCauses() {
    assertEquals(ExitCode.CONFIG_ERROR, ExitCode.of(new ConfigException(ConfigProblem.of("mode", "bad"))));
    assertEquals(ExitCode.CONFIG_ERROR, ExitCode.of(new PreflightException(List.of("no attribute"))));
    assertEquals(ExitCode.COMMIT_CONFLICT,
        ExitCode.of(new RuntimeException("job failed", new IllegalStateException(new CommitConflictException("lost")))));
    assertEquals(ExitCode.PIPELINE_FAILURE,
        ExitCode.of(new SnapshotStoreException("/s", "/s/a/CURRENT", new IOException("gone"), "restore it")));
    assertEquals(ExitCode.PIPELINE_FAILURE, ExitCode.of(new UncheckedIOException(new IOException("disk"))));
  }

  @Test
  void theLineIsKindMessageAndWhatToDoWithTheDecisiveCausesMessage() {
    RuntimeException wrapped = new RuntimeException("org.apache.beam...PipelineExecutionException",
        new CommitConflictException("run b cannot commit: run a already committed"));
    ExitCode code = ExitCode.of(wrapped);
    assertEquals("actito-sync: commit conflict: run b cannot commit: run a already committed — "
            + ExitCode.COMMIT_CONFLICT.whatToDo(),
        FailureLine.of(code, FailureLine.message(wrapped), FailureLine.whatToDo(code, wrapped)));
  }

  @Test
  void aDamagedStoreNamesTheFileAndItsFirstReasonLineAndSaysToRestoreIt() {
    SnapshotStoreException e = new SnapshotStoreException("/snapshots", "/snapshots/a/runs/r1/manifest.json",
        new UncheckedIOException("cannot read the manifest of run r1", new IOException("Unexpected end\n at [Source]")),
        SnapshotReads.RESTORE);
    String line = FailureLine.of(ExitCode.of(e), FailureLine.message(e), FailureLine.whatToDo(ExitCode.of(e), e));
    assertEquals("actito-sync: pipeline failure: the snapshot store at /snapshots is damaged or unreadable:"
        + " /snapshots/a/runs/r1/manifest.json: Unexpected end — " + SnapshotReads.RESTORE, line);
  }

  @Test
  void aConfigErrorListsItsProblemsUnderTheLine() {
    ConfigException e = new ConfigException(List.of(ConfigProblem.of("mode", "bad"), ConfigProblem.of("key", "missing")));
    String text = FailureLine.of(ExitCode.of(e), FailureLine.message(e), ExitCode.CONFIG_ERROR.whatToDo());
    List<String> lines = text.lines().toList();
    assertEquals(3, lines.size(), text);
    assertTrue(lines.get(0).startsWith("actito-sync: config error: invalid activation config (2 problems) — fix"), text);
    assertEquals(List.of("  mode: bad", "  key: missing"), lines.subList(1, 3));
  }
}
