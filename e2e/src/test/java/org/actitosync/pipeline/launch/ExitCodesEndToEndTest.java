package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.actitosync.pipeline.alert.WebhookServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each exit code from a real failure, through the real launcher (real PostgreSQL, the emulator over
 * HTTP, the DirectRunner, a real webhook receiver): what the run returns, the one line it prints
 * ({@code actito-sync: <kind>: <message> — <what to do>}, no stack trace) and, once the config is
 * known, the alert. A pipeline failure mid-stream (exit 1) is {@link SourceFailureEndToEndTest}; two
 * runs really overlapping (exit 6) is {@link ConcurrentRunsEndToEndTest}.
 */
class ExitCodesEndToEndTest {
  @TempDir Path dir;

  @Test
  void aConfigErrorAndARefusedKeyStopBeforeAnythingIsReadOrWritten() throws Exception {
    try (Activations a = new Activations(dir, "exit-2-3")) {
      Path config = a.config("UPSERT");
      Activations.Result bad = a.launch("--config=" + config, "--write.concurrency=zero", "--progressSeconds=x");
      assertEquals(ExitCode.CONFIG_ERROR.code(), bad.code(), bad.err());
      assertTrue(bad.err().startsWith("actito-sync: config error: "), bad.err());
      assertTrue(bad.err().contains(" — fix the config and run again"), bad.err());
      assertNoStackTrace(bad);

      Files.writeString(dir.resolve("api.key"), "not-a-valid-key");
      Activations.Result auth = a.launch("--config=" + config);
      assertEquals(ExitCode.AUTH_ERROR.code(), auth.code(), auth.err());
      assertEquals(1, lines(auth).size(), auth.err());
      assertTrue(auth.err().startsWith("actito-sync: auth error: ") && auth.err().contains(" — check the API key"),
          auth.err());
      assertFalse(auth.err().contains("not-a-valid-key"));
      assertEquals(0, a.writeCalls());
    }
  }

  @Test
  void completedRunsExit0Then5ForARejectedRowThen7ForACriticalWarning() throws Exception {
    try (Activations a = new Activations(dir, "exit-0-5-7")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('k1',1,10,'NEW'),('k2',2,20,'PAID')");
      Activations.Result ok = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.OK.code(), ok.code(), ok.out() + ok.err());
      assertEquals("", ok.err());

      a.sql("INSERT INTO " + a.table + " VALUES ('k3',1,30,'LOST')"); // not an accepted value: Actito rejects it
      Activations.Result rejected = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.REJECTED_ROWS.code(), rejected.code(), rejected.out() + rejected.err());
      assertTrue(rejected.out().contains("dead letters"), rejected.out());

      a.warnings.add("rejectedRows: {critical: 1}");
      Activations.Result critical = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CRITICAL_WARNING.code(), critical.code(), critical.out() + critical.err());
      assertTrue(critical.out().contains("rejectedRows"), critical.out());
    }
  }

  @Test
  void aGuardRefusalExits4AndALateCommitFromTheSameBaseExits6() throws Exception {
    try (Activations a = new Activations(dir, "exit-4-6"); WebhookServer hook = new WebhookServer(200)) {
      a.warnings.add("webhook: {url: \"" + hook.url() + "\"}");
      a.sql("INSERT INTO " + a.table + " VALUES ('g1',1,1,'NEW'),('g2',1,2,'NEW'),('g3',2,3,'NEW'),('g4',2,4,'NEW')");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config, "--runId=base").code());

      a.sql("DELETE FROM " + a.table + " WHERE order_id IN ('g1','g2','g3')");
      Activations.Result refused = a.launch("--config=" + config, "--runId=refused");
      assertEquals(ExitCode.GUARD_REFUSAL.code(), refused.code(), refused.out() + refused.err());
      List<String> lines = lines(refused);
      assertEquals(1, lines.size(), refused.err());
      assertTrue(lines.get(0).startsWith("actito-sync: guard refusal: ") && lines.get(0).contains("--confirmDeletes=3")
          && lines.get(0).contains(" — nothing was written"), refused.err());
      assertNoStackTrace(refused);
      assertEquals(1, hook.bodies().size(), "the refusal is alerted");

      // another run from the same base commits first ("other"); this one read CURRENT before that
      a.sql("INSERT INTO " + a.table + " VALUES ('g1',1,1,'NEW'),('g2',1,2,'NEW'),('g3',2,3,'NEW')");
      assertEquals(0, a.launch("--config=" + config, "--runId=other").code());
      Path current = dir.resolve("snapshots/exit-4-6/CURRENT");
      Files.writeString(current, "base\n");
      Activations.Result late = a.launch("--config=" + config, "--runId=late");
      assertEquals(ExitCode.COMMIT_CONFLICT.code(), late.code(), late.out() + late.err());
      lines = lines(late);
      assertEquals(1, lines.size(), late.err());
      assertTrue(lines.get(0).startsWith("actito-sync: commit conflict: ")
          && lines.get(0).contains("run late cannot commit: run other already committed from the same base base"),
          late.err());
      assertNoStackTrace(late);
      assertEquals("other", Files.readString(current).trim(), "the winner's commit stands");
      assertEquals(2, hook.bodies().size(), "the conflict is alerted");
      assertTrue(hook.bodies().get(1).contains("COMMIT_CONFLICT (exit 6)"), hook.bodies().get(1));
    }
  }

  @Test
  void aSourceThatCannotBeReadExits1AndIsAlerted() throws Exception {
    try (Activations a = new Activations(dir, "exit-1"); WebhookServer hook = new WebhookServer(200)) {
      a.warnings.add("webhook: {url: \"" + hook.url() + "\"}");
      Activations.Result run = a.launch("--config=" + a.config("UPSERT"), "--source.jdbc.query=SELECT * FROM no_such_table");
      assertEquals(ExitCode.PIPELINE_FAILURE.code(), run.code(), run.out() + run.err());
      List<String> lines = lines(run);
      assertEquals(1, lines.size(), run.err());
      assertTrue(lines.get(0).startsWith("actito-sync: pipeline failure: source: cannot read the source's schema")
          && lines.get(0).contains("no_such_table") && lines.get(0).contains(" — nothing was committed"), run.err());
      assertNoStackTrace(run);
      assertEquals(1, hook.bodies().size());
      assertTrue(hook.bodies().get(0).contains("PIPELINE_FAILURE (exit 1)"), hook.bodies().get(0));
      assertEquals(0, a.writeCalls());
    }
  }

  /**
   * A truncated {@code manifest.json} of the committed run: exit 1 (documented: a damaged snapshot
   * store is a pipeline failure), one line naming the file, no stack trace, the alert delivered;
   * nothing read from the source or written to Actito.
   */
  @Test
  void aTruncatedManifestInTheSnapshotStoreExits1WithOneLineAndAnAlert() throws Exception {
    try (Activations a = new Activations(dir, "damaged"); WebhookServer hook = new WebhookServer(200)) {
      a.warnings.add("webhook: {url: \"" + hook.url() + "\"}");
      a.sql("INSERT INTO " + a.table + " VALUES ('d1',1,10,'NEW'),('d2',2,20,'PAID')");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config, "--runId=first").code());
      Path manifest = dir.resolve("snapshots/damaged/runs/first/manifest.json");
      byte[] whole = Files.readAllBytes(manifest);
      Files.write(manifest, java.util.Arrays.copyOf(whole, whole.length / 2));
      long writes = a.writeCalls();

      Activations.Result run = a.launch("--config=" + config, "--runId=second");
      assertEquals(ExitCode.PIPELINE_FAILURE.code(), run.code(), run.out() + run.err());
      List<String> lines = lines(run);
      assertEquals(1, lines.size(), run.err());
      String line = lines.get(0);
      System.out.println("damaged store, stderr: " + line);
      assertTrue(line.startsWith("actito-sync: pipeline failure: the snapshot store at " + dir.resolve("snapshots")),
          line);
      assertTrue(line.contains("runs/first/manifest.json: "), line);
      assertTrue(line.contains(" — restore the file from a backup"), line);
      assertNoStackTrace(run);
      assertEquals(1, hook.bodies().size(), "the failure is alerted");
      String text = ActivationEndToEndTest.JSON.readTree(hook.bodies().get(0)).path("text").asText();
      assertTrue(text.contains("PIPELINE_FAILURE (exit 1)") && text.contains("manifest.json"), text);
      assertTrue(run.err().contains("actito-sync: alert webhook"), run.err());
      assertEquals(writes, a.writeCalls(), "nothing written");
      // nothing of the run was written but its log
      assertEquals(List.of(dir.resolve("snapshots/damaged/runs/second/run.log")),
          Files.list(dir.resolve("snapshots/damaged/runs/second")).toList(), "nothing of the run but its run.log");
    }
  }

  /**
   * The lines of stderr that are not the alert channels' results nor, after an unexpected failure
   * (exit 1), the line saying where its run.log is (asserted present then).
   */
  private static List<String> lines(Activations.Result run) {
    List<String> details = run.err().lines().filter(l -> l.startsWith("actito-sync: details in ")).toList();
    assertEquals(run.code() == ExitCode.PIPELINE_FAILURE.code() ? 1 : 0, details.size(), run.err());
    details.forEach(l -> assertTrue(Files.isRegularFile(Path.of(l.substring("actito-sync: details in ".length()))), l));
    return run.err().lines()
        .filter(l -> !l.startsWith("actito-sync: alert ") && !l.startsWith("actito-sync: details in ")).toList();
  }

  private static void assertNoStackTrace(Activations.Result run) {
    String all = run.out() + run.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception in thread") || all.contains("Caused by:"), all);
  }
}
