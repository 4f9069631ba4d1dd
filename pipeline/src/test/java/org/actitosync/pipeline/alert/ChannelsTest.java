package org.actitosync.pipeline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.config.SecretRef;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Level;
import org.actitosync.pipeline.warning.RunWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook against a real HTTP server, e-mail against a real SMTP server (GreenMail). */
class ChannelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlertMessage MESSAGE = AlertMessage.completed("orders-daily", "run-42", Level.CRITICAL,
      List.of(
          RunWarning.of(Check.REJECTED_ROWS, Level.CRITICAL, 12, 10, "12 rows rejected (critical at 10)"),
          RunWarning.of(Check.DUPLICATE_KEYS, Level.WARNING, 1, 1, "1 keys are shared (warning at 1)")),
      Map.of("rowsRead", 100L, "classified.REJECTED", 12L), "/snap/orders-daily/runs/run-42/report.json");

  @TempDir Path dir;

  private static WebhookChannel webhook(String url, int attempts) {
    return new WebhookChannel(WebhookSettings.of(url, null, 2, attempts), 10);
  }

  @Test
  void theWebhookPostsOneSlackCompatibleMessageAndRetriesServerErrors() throws Exception {
    try (WebhookServer server = new WebhookServer(503, 429, 200)) {
      assertEquals(3, webhook(server.url(), 3).send(MESSAGE));
      List<String> bodies = server.bodies();
      assertEquals(3, bodies.size());
      JsonNode body = JSON.readTree(bodies.get(2));
      String text = body.path("text").asText();
      assertTrue(text.startsWith("[actito-sync] CRITICAL orders-daily run run-42: 2 warnings\n"), text);
      assertTrue(text.contains("- CRITICAL rejectedRows: 12 rows rejected (critical at 10)"), text);
      assertTrue(text.contains("report: /snap/orders-daily/runs/run-42/report.json"), text);
      assertEquals("CRITICAL", body.path("level").asText());
      assertEquals("rejectedRows", body.path("warnings").get(0).path("name").asText());
      assertEquals(12, body.path("counts").path("classified.REJECTED").asLong());
    }
  }

  @Test
  void theWebhookGivesUpAfterItsAttemptsAndNeverShowsTheUrlsToken() throws Exception {
    try (WebhookServer server = new WebhookServer(500)) {
      ChannelException e = assertThrows(ChannelException.class, () -> webhook(server.url(), 2).send(MESSAGE));
      assertEquals(2, e.attempts());
      assertEquals(2, server.bodies().size());
      assertTrue(e.getMessage().startsWith("HTTP 500 from http://127.0.0.1:"), e.getMessage());
      assertFalse(e.getMessage().contains("T0K3N"), e.getMessage());
    }
    try (WebhookServer server = new WebhookServer(400)) {
      ChannelException e = assertThrows(ChannelException.class, () -> webhook(server.url(), 3).send(MESSAGE));
      assertEquals(1, e.attempts(), "a 4xx other than 429 is not retried");
    }
    WebhookServer closed = new WebhookServer();
    String url = closed.url();
    closed.close();
    ChannelException e = assertThrows(ChannelException.class, () -> webhook(url, 2).send(MESSAGE));
    assertEquals(2, e.attempts());
    assertFalse(e.getMessage().contains("T0K3N"), e.getMessage());
    assertFalse(new WebhookChannel(WebhookSettings.of(url, null, 1, 1)).describe().contains("T0K3N"));
  }

  @Test
  void theWebhookUrlCanBeASecretFile() throws Exception {
    try (WebhookServer server = new WebhookServer(200)) {
      Path file = dir.resolve("hook.url");
      Files.writeString(file, server.url() + "\n");
      WebhookChannel channel = new WebhookChannel(WebhookSettings.of(null, SecretRef.fromFile(file.toString()), 2, 1));
      assertEquals(1, channel.send(MESSAGE));
      assertEquals("webhook (file:" + file + ")", channel.describe());
    }
  }

  @Test
  void emailIsSentOverSmtpWithAuthentication() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      smtp.setUser("alerts@acme.example", "robot", "s3cret-pw");
      Path password = dir.resolve("smtp.pw");
      Files.writeString(password, "s3cret-pw");
      EmailSettings settings = EmailSettings.of("127.0.0.1", smtp.getSmtp().getPort(), EmailSettings.Security.NONE,
          "actito-sync@acme.example", List.of("data@acme.example", "oncall@acme.example"), "robot",
          SecretRef.fromFile(password.toString()), 5);
      assertEquals(1, new EmailChannel(settings, 10).send(MESSAGE));
      MimeMessage[] received = smtp.getReceivedMessages();
      assertEquals(2, received.length, "one copy per recipient");
      assertEquals("[actito-sync] CRITICAL orders-daily run run-42: 2 warnings", received[0].getSubject());
      String body = GreenMailUtil.getBody(received[0]);
      assertTrue(body.contains("CRITICAL rejectedRows: 12 rows rejected"), body);
      assertFalse(body.contains("s3cret-pw"));

      Files.writeString(password, "wrong");
      ChannelException e = assertThrows(ChannelException.class, () -> new EmailChannel(settings, 10).send(MESSAGE));
      assertEquals(EmailChannel.ATTEMPTS, e.attempts());
      assertFalse(e.getMessage().contains("wrong"), e.getMessage());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aChannelThatFailsIsAResultNotAnException() throws Exception {
    try (WebhookServer good = new WebhookServer(200); WebhookServer bad = new WebhookServer(500)) {
      Alerts alerts = new Alerts(List.of(webhook(bad.url(), 2), webhook(good.url(), 1)));
      List<ChannelResult> results = alerts.deliver(MESSAGE);
      assertFalse(results.get(0).delivered());
      assertEquals(2, results.get(0).attempts());
      assertTrue(results.get(1).delivered());
      assertEquals(1, good.bodies().size());
    }
  }
}
