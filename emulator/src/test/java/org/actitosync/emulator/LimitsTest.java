package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.Test;

class LimitsTest {
  MutableClock clock = MutableClock.at(TestSupport.T0);

  private List<HttpResponse<String>> parallel(TestSupport.Api api, int n) {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(api.http.sendAsync(api.req(ORDERS + "/o-1").GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void sixParallelRequestsGetAtLeastOne429WithRetryAfter() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).clock(clock).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      emu.admin().resetStats();
      emu.admin().faults(FaultSettings.builder(0).latencyMillis(500).routes("GET /record/{key}").build());
      List<HttpResponse<String>> responses = parallel(api, 6);
      List<HttpResponse<String>> tooMany = responses.stream().filter(r -> r.statusCode() == 429).toList();
      assertTrue(tooMany.size() >= 1, "statuses " + responses.stream().map(HttpResponse::statusCode).toList());
      assertEquals("1", tooMany.get(0).headers().firstValue("Retry-After").orElse(null));
      EmulatorStats stats = emu.admin().stats();
      assertEquals(tooMany.size(), stats.served429Concurrency());
      assertEquals(6, stats.peakConcurrent());
      assertEquals(6 - tooMany.size(), stats.status(200));
    }
  }

  @Test
  void noRetryAfterWhenConfiguredOff() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).maxConcurrent(1)
        .retryAfterSeconds(null).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      emu.admin().faults(FaultSettings.builder(0).latencyMillis(300).routes("GET /record/{key}").build());
      List<HttpResponse<String>> responses = parallel(api, 2);
      HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
      assertTrue(refused.headers().firstValue("Retry-After").isEmpty());
    }
  }

  @Test
  void peakConcurrencyIsExact() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      emu.admin().resetStats();
      emu.admin().faults(FaultSettings.builder(0).latencyMillis(400).routes("GET /record/{key}").build());
      List<HttpResponse<String>> responses = parallel(api, 3);
      assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200));
      EmulatorStats stats = emu.admin().stats();
      assertEquals(3, stats.peakConcurrent());
      assertEquals(0, stats.served429());
      assertEquals(3, stats.route("GET /record/{key}"));
      assertEquals(3, stats.totalCalls());
    }
  }

  @Test
  void strictRateModeRefusesOverTheBudgetUntilTheWindowSlides() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).clock(clock)
        .rateMode(RateMode.STRICT).callsPerMinute(5).retryAfterSeconds(7).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login(); // call 1 at t=0
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, api.get(ORDERS + "/o-1").statusCode()); // calls 2..5 at t=1..4
      }
      clock.advance(Duration.ofSeconds(1));
      HttpResponse<String> refused = api.get(ORDERS + "/o-1");
      assertEquals(429, refused.statusCode());
      assertEquals("7", refused.headers().firstValue("Retry-After").orElseThrow());
      clock.advance(Duration.ofSeconds(55)); // t=60: the login call (t=0) leaves the window
      assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
      assertEquals(429, api.get(ORDERS + "/o-1").statusCode());
      EmulatorStats stats = emu.admin().stats();
      assertEquals(2, stats.served429Rate());
      assertEquals(7, stats.maxCallsInSlidingMinute());
    }
  }

  @Test
  void latencyRateModeServesExcessCallsLater() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).clock(clock)
        .callsPerMinute(2).throttle(100, 1000).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
      long t0 = System.nanoTime();
      assertEquals(200, api.get(ORDERS + "/o-1").statusCode()); // 1 over: +100 ms
      assertEquals(200, api.get(ORDERS + "/o-1").statusCode()); // 2 over: +200 ms
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 300, "took " + ms + " ms");
      assertEquals(2, emu.admin().stats().throttledCalls());
      assertEquals(0, emu.admin().stats().served429());
    }
  }

  @Test
  void adminCallsAreNotCountedNorLimited() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).clock(clock)
        .rateMode(RateMode.STRICT).callsPerMinute(1).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      for (int i = 0; i < 5; i++) {
        assertEquals(200, api.get("/_emulator/stats").statusCode());
      }
      emu.admin().faults(FaultSettings.builder(3).errorRate(1.0).build());
      assertEquals(200, api.get("/_emulator/records/demo/orders").statusCode());
      var stats = TestSupport.json(api.get("/_emulator/stats"));
      assertEquals(1, stats.get("totalCalls").asInt());
      assertEquals(1, stats.get("byRoute").get("GET /auth/token").asInt());
      assertEquals(1, stats.get("byStatus").get("200").asInt());
      assertEquals(1, stats.get("tokensMinted").asInt());
      assertEquals(0, stats.get("served429Rate").asInt());
    }
  }
}
