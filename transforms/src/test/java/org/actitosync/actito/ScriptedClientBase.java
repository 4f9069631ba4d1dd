package org.actitosync.actito;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.actitosync.actito.TestClocks.MutableClock;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The scripted local server, clock and sleeper the HTTP-behaviour tests share. */
abstract class ScriptedClientBase {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  ScriptedServer server;
  MutableClock clock;
  RecordingSleeper sleeper;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    clock = new MutableClock(T0);
    sleeper = new RecordingSleeper(clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ActitoClient client(RetryPolicy policy, Duration readTimeout) {
    ActitoClientConfig config = ActitoClientConfig.builder()
        .setBaseUrl(server.baseUrl()).setEntity("demo").setApiKey(ApiKey.of("scripted-key"))
        .setRetryPolicy(policy).setReadTimeout(readTimeout).build();
    return ActitoClient.builder(config).clock(clock).sleeper(sleeper).jitter(() -> 0.5).build();
  }

  ActitoClient client() {
    return client(RetryPolicy.defaults(), Duration.ofSeconds(10));
  }

  List<ScriptedServer.Seen> dataCalls() {
    return server.seen().stream().filter(s -> !s.rawPath.equals("/auth/token")).collect(Collectors.toList());
  }

}
