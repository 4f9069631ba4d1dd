package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.pipeline.alert.WebhookServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings end to end: the launcher on the DirectRunner, a real PostgreSQL source, the emulator,
 * a real HTTP webhook receiver and a real SMTP server (GreenMail).
 */
class WarningsEndToEndTest {
  @TempDir Path dir;
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private String email() {
    return "email: {host: 127.0.0.1, port: " + smtp.getSmtp().getPort()
        + ", security: NONE, from: sync@acme.example, to: [data@acme.example]}";
  }

  @Test
  void oneMessagePerRunReachesTheReportTheConsoleTheWebhookAndEmail() throws Exception {
    try (Activations a = new Activations(dir, "warned"); WebhookServer hook = new WebhookServer(200)) {
      a.sql("ALTER TABLE " + a.table + " ALTER COLUMN customer_id TYPE text",
          "INSERT INTO " + a.table + " VALUES ('w1','1',10,'NEW'),('w2','2',20,'PAID'),('w3','1',30,'NEW'),"
              + "('bad','abc',40,'NEW'),('dup','1',50,'NEW'),('dup','2',51,'NEW')");
      a.warnings.addAll(List.of("rejectedRows: {warning: 1, critical: 2}", "duplicateKeys: 1",
          "webhook: {url: \"" + hook.url() + "\"}", email()));
      Path config = typedCustomerId(a.config("UPSERT"));

      Activations.Result run = a.launch("--config=" + config, "--runId=warned-1");
      assertEquals(ExitCode.CRITICAL_WARNING.code(), run.code(), run.out() + run.err());
      assertEquals("warned-1", Files.readString(dir.resolve("snapshots/warned/CURRENT")).trim(),
          "a critical warning does not stop the commit");
      assertEquals(List.of("o-1", "w1", "w2", "w3"), new ArrayList<>(a.amounts().keySet()));

      JsonNode report = ActivationEndToEndTest.report(a, run);
      assertEquals("CRITICAL", report.path("warningLevel").asText());
      assertEquals("CRITICAL_WARNING", report.path("exit").asText());
      assertEquals(6, report.path("rowsRead").asLong());
      assertEquals("rejectedRows CRITICAL 2 2", warning(report.path("warnings").get(0)));
      assertEquals("duplicateKeys WARNING 1 1", warning(report.path("warnings").get(1)));
      assertEquals(2, report.path("warnings").size(), report.toString());
      assertEquals("SENT SENT", report.path("alerts").get(0).path("status").asText() + " "
          + report.path("alerts").get(1).path("status").asText());
      assertTrue(run.out().contains("CRITICAL rejectedRows: 2 rows rejected (critical at 2)"), run.out());

      assertEquals(1, hook.bodies().size(), "one message per run");
      String text = ActivationEndToEndTest.JSON.readTree(hook.bodies().get(0)).path("text").asText();
      assertTrue(text.startsWith("[actito-sync] CRITICAL warned run warned-1: 2 warnings"), text);
      assertTrue(text.contains("runs/warned-1/report.json"), text);
      assertTrue(text.contains("outcome.APPLIED=3"), text);
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertEquals(1, mails.length);
      assertEquals("[actito-sync] CRITICAL warned run warned-1: 2 warnings", mails[0].getSubject());
      assertTrue(GreenMailUtil.getBody(mails[0]).contains("WARNING duplicateKeys"), GreenMailUtil.getBody(mails[0]));
      for (String shown : List.of(run.out(), run.err(), report.toString(), text)) {
        assertFalse(shown.contains(Activations.KEY), "no API key anywhere");
      }
    }
  }

  @Test
  void aFailingChannelIsALineInTheReportNeverAFailedSync() throws Exception {
    try (Activations a = new Activations(dir, "channel-down"); WebhookServer hook = new WebhookServer(503)) {
      a.sql("INSERT INTO " + a.table + " VALUES ('c1',1,10,'NEW'),(NULL,1,20,'NEW')");
      Files.writeString(dir.resolve("hook.url"), hook.url());
      int closedPort = smtp.getSmtp().getPort();
      smtp.stop();
      a.warnings.addAll(List.of("webhook: {urlFile: " + dir.resolve("hook.url") + ", attempts: 2, timeoutSeconds: 2}",
          "email: {host: 127.0.0.1, port: " + closedPort + ", security: NONE, from: s@acme.example, to: d@acme.example,"
              + " timeoutSeconds: 2}"));

      Activations.Result run = a.launch("--config=" + a.config("UPSERT"), "--runId=down-1");
      assertEquals(ExitCode.REJECTED_ROWS.code(), run.code(), run.out() + run.err());
      assertEquals("down-1", Files.readString(dir.resolve("snapshots/channel-down/CURRENT")).trim());
      assertTrue(a.amounts().containsKey("c1"));
      JsonNode report = ActivationEndToEndTest.report(a, run);
      assertEquals("WARNING", report.path("warningLevel").asText());
      JsonNode webhook = report.path("alerts").get(0);
      assertEquals("FAILED", webhook.path("status").asText());
      assertEquals(2, webhook.path("attempts").asInt());
      assertTrue(webhook.path("detail").asText().startsWith("HTTP 503 from http://127.0.0.1:"), webhook.toString());
      assertEquals("FAILED", report.path("alerts").get(1).path("status").asText());
      assertEquals(2, hook.bodies().size());
      for (String shown : List.of(run.out(), run.err(), report.toString())) {
        assertFalse(shown.contains("T0K3N"), "the webhook's token never shows: " + shown);
      }
      assertTrue(run.out().contains("alert: webhook (file:"), run.out());
      smtp.start(); // for @AfterEach
    }
  }

  @Test
  void aGuardRefusalIsSentAsACriticalMessageAndADryRunSendsNothing() throws Exception {
    try (Activations a = new Activations(dir, "refused"); WebhookServer hook = new WebhookServer(200)) {
      a.sql("INSERT INTO " + a.table + " VALUES ('r1',1,1,'NEW'),('r2',1,2,'NEW'),('r3',1,3,'NEW')");
      a.warnings.add("webhook: {url: \"" + hook.url() + "\"}");
      Path config = a.config("MIRROR");
      assertEquals(0, a.launch("--config=" + config).code());
      assertEquals(0, hook.bodies().size(), "a run without warnings sends nothing");

      a.sql("DELETE FROM " + a.table);
      assertEquals(0, a.launch("--config=" + config, "--dryRun").code());
      assertEquals(0, hook.bodies().size(), "a dry run sends nothing");
      Activations.Result refused = a.launch("--config=" + config, "--runId=refused-2");
      assertEquals(ExitCode.GUARD_REFUSAL.code(), refused.code(), refused.out() + refused.err());
      assertEquals(1, hook.bodies().size());
      String text = ActivationEndToEndTest.JSON.readTree(hook.bodies().get(0)).path("text").asText();
      assertTrue(text.startsWith("[actito-sync] CRITICAL refused run refused-2: run failed"), text);
      assertTrue(text.contains("GUARD_REFUSAL (exit 4)") && text.contains("--confirmRows=0"), text);
    }
  }

  @Test
  void aChannelSecretThatCannotBeReadIsAConfigErrorBeforeAnythingRuns() throws Exception {
    try (Activations a = new Activations(dir, "no-secret")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('n1',1,1,'NEW')");
      a.warnings.add("webhook: {urlEnv: ACTITO_SYNC_TEST_UNSET_HOOK}");
      Activations.Result run = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), run.code(), run.out() + run.err());
      assertTrue(run.err().contains(
          "warnings.webhook: environment variable ACTITO_SYNC_TEST_UNSET_HOOK is not set or empty"), run.err());
      assertEquals(0, a.writeCalls());
      assertFalse(Files.exists(dir.resolve("snapshots/no-secret/CURRENT")));
    }
  }

  @Test
  void aKeyFailingRunAfterRunAndAChangeInRowsReadAreWarned() throws Exception {
    try (Activations a = new Activations(dir, "streak")) {
      // Actito refuses this key every run (longer than orderId's maxLength of 24)
      a.sql("INSERT INTO " + a.table + " VALUES ('s1',1,1,'NEW'),('s2',1,2,'NEW'),('s3',1,3,'NEW'),"
          + "('this-key-is-far-too-long-for-actito',1,4,'NEW')");
      a.warnings.addAll(List.of("rejectedRows: off", "failingKeyRuns: {warning: 2, critical: 3}",
          "rowsChange: {warning: 0.4, runs: 2}"));
      Path config = a.config("UPSERT");
      assertEquals(List.of(), warnings(a, a.launch("--config=" + config)));
      assertEquals(List.of("failingKeyRuns WARNING 2 2"), warnings(a, a.launch("--config=" + config)));
      // third run: the key fails again, and 6 rows are read against an average of 4 over the last 2 runs
      a.sql("INSERT INTO " + a.table + " VALUES ('s4',1,4,'NEW'),('s5',1,5,'NEW')");
      Activations.Result third = a.launch("--config=" + config);
      assertEquals(ExitCode.CRITICAL_WARNING.code(), third.code(), third.out());
      assertEquals(List.of("rowsChange WARNING 0.5 0.4", "failingKeyRuns CRITICAL 3 3"), warnings(a, third));
      assertTrue(third.out().contains("6 rows read, 50.0 % away from the average of 4 over the last 2 runs"), third.out());
      assertTrue(third.out().contains("1 keys failed in 3 or more consecutive runs (longest streak 3)"), third.out());
    }
  }

  private static List<String> warnings(Activations a, Activations.Result run) throws Exception {
    List<String> out = new ArrayList<>();
    ActivationEndToEndTest.report(a, run).path("warnings").forEach(w -> out.add(warning(w)));
    return out;
  }

  private static String warning(JsonNode w) {
    return w.path("name").asText() + " " + w.path("level").asText() + " " + number(w.path("value").asDouble())
        + " " + number(w.path("threshold").asDouble());
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static Path typedCustomerId(Path config) throws Exception {
    Files.writeString(config, Files.readString(config).replace("{column: customer_id, attribute: customerId}",
        "{column: customer_id, attribute: customerId, type: LONG}"));
    return config;
  }
}
