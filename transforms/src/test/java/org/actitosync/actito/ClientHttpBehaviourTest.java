package org.actitosync.actito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.actitosync.actito.ScriptedServer.Reply;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.records.RecordEffect;
import org.actitosync.actito.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

/**
 * HTTP behaviour of the client against a scripted local server: the cases the emulator cannot
 * script (HTTP-date Retry-After, dropped connections, exact reply sequences).
 */
class ClientHttpBehaviourTest extends ScriptedClientBase {
  @Test
  void retryAfterAsHttpDateIsHonoured() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.plusSeconds(20).atOffset(ZoneOffset.UTC));
    server.then(Reply.of(503, "{\"message\":\"maintenance\"}", Map.of("Retry-After", date)),
        Reply.of(200, "{\"businessKey\":\"o-1\",\"created\":true}"));
    var result = client().records().upsert("orders", Map.of("orderId", "o-1"));
    assertEquals(RecordEffect.CREATED, result.outcome());
    assertEquals(2, result.attempts());
    assertEquals(List.of(20_000L), sleeper.sleeps);
  }

  @Test
  void retryAfterInSecondsAndCountersForTheWriter() {
    server.then(Reply.of(429, "", Map.of("Retry-After", "3")), Reply.of(429, ""),
        Reply.of(200, "{\"businessKey\":\"o-1\"}"));
    ActitoClient c = client();
    var result = c.records().upsert("orders", Map.of("orderId", "o-1"));
    assertEquals(RecordEffect.UPSERTED, result.outcome());
    assertEquals(3, result.attempts());
    assertEquals(3000L, sleeper.sleeps.get(0));
    assertEquals(750L, sleeper.sleeps.get(1)); // 2nd retry: 1000 ms backoff, jitter 0.5
    assertEquals(2, c.counters().throttled429());
    assertEquals(2, c.counters().retries());
    assertEquals(3750, c.counters().sleptMillis());
    assertEquals(2, c.counters().calls(Operation.RECORD_UPSERT, 429));
    assertEquals(1, c.counters().calls(Operation.RECORD_UPSERT, 200));
    assertEquals(1, c.counters().calls(Operation.TOKEN, 200));
  }

  @Test
  void retryAfterBeyondTheBudgetFailsWithoutSleeping() {
    server.then(Reply.of(429, "{\"message\":\"quota\"}", Map.of("Retry-After", "86400")));
    ActitoException e = assertThrows(ActitoException.class,
        () -> client().records().upsert("orders", Map.of("orderId", "o-1")));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertTrue(e.retriesExhausted());
    assertEquals(429, e.status());
    assertEquals(1, e.attempts());
    assertEquals("quota", e.actitoMessage());
    assertTrue(e.getMessage().contains("exceeds the remaining backoff budget"), e.getMessage());
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void retryableExhaustedAfterMaxAttempts() {
    for (int i = 0; i < 6; i++) {
      server.then(Reply.of(500, "boom"));
    }
    ActitoClient c = client();
    ActitoException e = assertThrows(ActitoException.class, () -> c.records().delete("orders", "k"));
    assertEquals(6, e.attempts());
    assertTrue(e.retriesExhausted());
    assertEquals(5, sleeper.sleeps.size());
    assertEquals(1, c.counters().failures(ErrorClass.RETRYABLE));
  }

  @Test
  void permanentErrorIsNotRetriedAndKeepsActitosMessage() {
    server.then(Reply.of(400, "{\"status\":400,\"message\":\"attribute amount: not a number\"}"));
    ActitoException e = assertThrows(ActitoException.class,
        () -> client().records().upsert("orders", Map.of("orderId", "o-1", "amount", "x")));
    assertEquals(ErrorClass.PERMANENT, e.errorClass());
    assertEquals(400, e.status());
    assertEquals(1, e.attempts());
    assertFalse(e.retriesExhausted());
    assertTrue(e.getMessage().contains("attribute amount: not a number"));
    assertTrue(e.getMessage().contains("entity 'demo'"));
    assertEquals(1, dataCalls().size());
  }

  @Test
  void droppedConnectionIsRetried() {
    server.then(Reply.drop(), Reply.of(200, "{\"businessKey\":\"o-1\",\"created\":false}"));
    var result = client().records().upsert("orders", Map.of("orderId", "o-1"));
    assertEquals(RecordEffect.UPDATED, result.outcome());
    assertEquals(2, result.attempts());
  }

  @Test
  void readTimeoutIsRetried() {
    server.then(Reply.slow(600), Reply.of(200, "{\"businessKey\":\"o-1\"}"));
    ActitoClient c = client(RetryPolicy.defaults(), Duration.ofMillis(150));
    assertEquals(2, c.records().upsert("orders", Map.of("orderId", "o-1")).attempts());
    assertEquals(1, c.counters().calls(Operation.RECORD_UPSERT, 0));
  }

  @Test
  void status401ReMintsOnceAndReplays() {
    server.then(Reply.of(401, ""), Reply.of(200, "{}"));
    ActitoClient c = client();
    assertEquals(RecordEffect.UPDATED, c.records().update("orders", "k", Map.of("amount", 1)).outcome());
    List<ScriptedServer.Seen> calls = dataCalls();
    assertEquals(2, calls.size());
    assertEquals("Bearer tok-1", calls.get(0).authorization);
    assertEquals("Bearer tok-2", calls.get(1).authorization);
    assertEquals(calls.get(0).body, calls.get(1).body); // identical replay
    assertEquals(2, server.tokenCalls());
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void second401IsAnAuthErrorNamingTheRouteNotTheKey() {
    server.then(Reply.of(401, ""), Reply.of(401, ""));
    ActitoAuthException e = assertThrows(ActitoAuthException.class,
        () -> client().records().get("orders", "k"));
    assertEquals(401, e.status());
    assertTrue(e.getMessage().contains("GET /custom-data/v4/entity/demo/customTable/orders/record/k"), e.getMessage());
    assertFalse(e.getMessage().contains("scripted-key"));
    assertEquals(2, server.tokenCalls());
  }

  @Test
  void status403IsAnAuthErrorAtOnce() {
    server.then(Reply.of(403, "{\"message\":\"no right\"}"));
    ActitoAuthException e = assertThrows(ActitoAuthException.class,
        () -> client().records().delete("orders", "k"));
    assertEquals(403, e.status());
    assertEquals(ErrorClass.AUTH, e.errorClass());
    assertEquals(1, dataCalls().size());
  }

  @Test
  void tokenRouteRetryableErrorsAreRetriedWithinTheCallsBudget() {
    server.thenToken(Reply.of(503, "down"));
    ActitoClient c = client();
    assertEquals(java.util.Optional.of(Map.of()), c.records().get("orders", "k"));
    assertEquals(2, server.tokenCalls());
    assertEquals(1, sleeper.sleeps.size());
  }

  @Test
  void preflightFailsFastOnAnUnavailableTokenRoute() {
    server.thenToken(Reply.of(503, "down"));
    ActitoException e = assertThrows(ActitoException.class, () -> client().checkAuthentication());
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertEquals(1, server.tokenCalls());
  }

  @Test
  void tokenIsReusedAndReMintedBeforeExpiry() {
    ActitoClient c = client();
    c.records().get("orders", "a");
    clock.advance(Duration.ofMinutes(13));
    c.records().get("orders", "b");
    assertEquals(1, server.tokenCalls());
    clock.advance(Duration.ofSeconds(61)); // 14:01 > 15 min - 60 s margin
    c.records().get("orders", "c");
    assertEquals(2, server.tokenCalls());
    List<ScriptedServer.Seen> calls = dataCalls();
    assertEquals("Bearer tok-1", calls.get(1).authorization);
    assertEquals("Bearer tok-2", calls.get(2).authorization);
  }

  @Test
  void tokenCacheIsSharedAcrossThreads() throws Exception {
    ActitoClient c = client();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        futures.add(pool.submit(() -> c.records().get("orders", "k" + n)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, server.tokenCalls());
  }

  @Test
  void keysAreEncodedOnTheWire() {
    ActitoClient c = client();
    c.records().get("orders", "a b/c=d+é");
    c.profiles().findByUniqueAttribute("customers", "emailAddress", "a+b c@x.org");
    server.then(Reply.of(200, "{\"profileId\":5}"));
    c.profiles().upsert("customers", Map.of("emailAddress", "x@y.z"), true);
    List<ScriptedServer.Seen> calls = dataCalls();
    assertEquals("/custom-data/v4/entity/demo/customTable/orders/record/a%20b%2Fc%3Dd%2B%C3%A9",
        calls.get(0).rawPath);
    assertEquals("/profiles/v4/entity/demo/table/customers/profile/emailAddress=a%2Bb%20c%40x.org",
        calls.get(1).rawPath);
    assertEquals("/profiles/v4/entity/demo/table/customers/profile?allowUpdate=true", calls.get(2).rawPath);
  }

  @Test
  void listenerSeesCallsRetriesAndFailuresForTheWriterMetrics() {
    server.then(Reply.of(503, ""), Reply.of(200, "{}"), Reply.of(400, "{\"message\":\"bad\"}"));
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    ActitoClientConfig config = ActitoClientConfig.builder().setBaseUrl(server.baseUrl())
        .setEntity("demo").setApiKey(ApiKey.of("scripted-key")).build();
    ActitoClient c = ActitoClient.builder(config).sleeper(sleeper).jitter(() -> 0.0)
        .listener(new org.actitosync.actito.observe.ActitoCallListener() {
          @Override
          public void onCall(Operation operation, int status, long latencyMillis) {
            events.add("call " + operation + " " + status);
          }

          @Override
          public void onRetry(Operation operation, int status, int attempt, long sleepMillis) {
            events.add("retry " + operation + " " + status + " " + attempt + " " + sleepMillis);
          }

          @Override
          public void onTokenMinted() {
            events.add("token");
          }

          @Override
          public void onFailure(Operation operation, ErrorClass errorClass, int status) {
            events.add("failure " + operation + " " + errorClass + " " + status);
          }
        }).build();
    c.records().delete("orders", "k");
    assertThrows(ActitoException.class, () -> c.records().delete("orders", "k"));
    assertEquals(List.of("call TOKEN 200", "token", "call RECORD_DELETE 503",
        "retry RECORD_DELETE 503 1 250", "call RECORD_DELETE 200", "call RECORD_DELETE 400",
        "failure RECORD_DELETE PERMANENT 400"), events);
  }
}
