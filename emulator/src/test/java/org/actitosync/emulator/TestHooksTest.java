package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.faults.RequestHold;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's test hooks: a fault trigger at the n-th call of a route, and a request hold. */
class TestHooksTest {
  static final String GET = "GET /record/{key}";
  ActitoEmulator emu;
  TestSupport.Api api;

  @BeforeEach
  void start() {
    emu = ActitoEmulator.builder().data(TestSupport.data()).rateMode(RateMode.OFF).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  @Test
  void aTriggerRunsAtTheNthCallOfItsRouteCountedFromNowAndThatCallSeesIt() {
    api.get(ORDERS + "/o-1"); // before the trigger: not counted
    AtomicInteger runs = new AtomicInteger();
    emu.admin().onRequest(GET, 3, () -> {
      runs.incrementAndGet();
      emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 503).build());
    });
    emu.admin().onRequest("POST /record", 1, () -> runs.addAndGet(100)); // another route: never runs
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(api.get(ORDERS + "/o-1").statusCode());
    }
    assertEquals(List.of(200, 200, 503, 503, 503), statuses);
    assertEquals(1, runs.get());
  }

  @Test
  void underConcurrencyExactlyTheCallsFromTheNthOnSeeTheSwitch() throws Exception {
    emu.admin().onRequest(GET, 6, () -> emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 503).build()));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(threads.submit(() -> api.get(ORDERS + "/o-1").statusCode()));
    }
    int ok = 0;
    for (Future<Integer> c : calls) {
      ok += c.get(30, TimeUnit.SECONDS) == 200 ? 1 : 0;
    }
    threads.shutdown();
    assertEquals(5, ok);
    assertEquals(35, emu.admin().stats().routeStatus(GET, 503));
  }

  @Test
  void aHoldKeepsTheFirstCallsUntilAllHaveArrived() throws Exception {
    RequestHold hold = emu.admin().holdRequests(GET, 2, Duration.ofMinutes(1));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<Integer> first = threads.submit(() -> api.get(ORDERS + "/o-1").statusCode());
    Thread.sleep(300);
    assertFalse(first.isDone(), "the first call waits for the second");
    assertEquals(0, emu.admin().stats().route(GET), "a held call is not processed yet");
    Future<Integer> second = threads.submit(() -> api.get(ORDERS + "/o-1").statusCode());
    assertEquals(200, first.get(30, TimeUnit.SECONDS));
    assertEquals(200, second.get(30, TimeUnit.SECONDS));
    threads.shutdown();
    assertTrue(hold.met());
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode(), "later calls pass");
    assertEquals(3, hold.arrivals());
  }

  @Test
  void aHoldNeverOutlivesItsTimeoutAndThenSaysItWasNotMet() {
    RequestHold hold = emu.admin().holdRequests(GET, 2, Duration.ofMillis(200));
    long start = System.nanoTime();
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    assertTrue(System.nanoTime() - start >= 190_000_000L);
    assertFalse(hold.met());
  }
}
