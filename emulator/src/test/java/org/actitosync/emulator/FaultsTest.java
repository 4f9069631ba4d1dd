package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsTest {
  static ActitoEmulator emu;
  static TestSupport.Api api;

  @BeforeAll
  static void start() {
    // 250+ calls: without OFF the documented LATENCY throttling (100 calls/min) would slow the test down
    emu = ActitoEmulator.builder().data(TestSupport.data()).rateMode(RateMode.OFF).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  List<Integer> statuses(FaultSettings settings, int calls) {
    emu.admin().faults(settings);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(api.get(ORDERS + "/o-1").statusCode());
    }
    emu.admin().clearFaults();
    return out;
  }

  @Test
  void sameSeedSameStatusesDifferentSeedDifferentStatuses() {
    FaultSettings s42 = FaultSettings.builder(42).errorRate(0.3).build();
    List<Integer> first = statuses(s42, 50);
    List<Integer> again = statuses(s42, 50);
    List<Integer> other = statuses(FaultSettings.builder(7).errorRate(0.3).build(), 50);
    assertEquals(first, again);
    assertNotEquals(first, other);
    assertTrue(Set.of(200, 500, 502, 503).containsAll(first), first.toString());
    long errors = first.stream().filter(s -> s != 200).count();
    assertTrue(errors > 5 && errors < 30, first.toString());
    assertTrue(first.contains(500) && first.contains(502) && first.contains(503), first.toString());
  }

  @Test
  void sameSeedViaHttpAdminEndpoint() {
    String body = "{\"seed\":42,\"errorRate\":0.3,\"errorStatuses\":[500,502,503],\"errorRetryAfterSeconds\":null,"
        + "\"resetRate\":0.0,\"latencyMillis\":0,\"routes\":null}";
    assertEquals(200, api.post("/_emulator/faults", body).statusCode());
    List<Integer> viaHttp = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      viaHttp.add(api.get(ORDERS + "/o-1").statusCode());
    }
    emu.admin().clearFaults();
    assertEquals(statuses(FaultSettings.builder(42).errorRate(0.3).build(), 50), viaHttp);
  }

  @Test
  void injectedErrorsCarryRetryAfterWhenAsked() {
    emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 503).errorRetryAfterSeconds(2).build());
    HttpResponse<String> r = api.get(ORDERS + "/o-1");
    emu.admin().clearFaults();
    assertEquals(503, r.statusCode());
    assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void routesSelectWhereFaultsApply() {
    emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 500).routes("POST /record").build());
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    assertEquals(500, api.post(ORDERS, props("orderId", "o-f", "status", "NEW")).statusCode());
    emu.admin().clearFaults();
    assertEquals(404, api.get(ORDERS + "/o-f").statusCode()); // an injected error is not processed
  }

  @Test
  void connectionResetClosesWithoutResponse() {
    long before = emu.admin().stats().connectionResets();
    emu.admin().faults(FaultSettings.builder(1).resetRate(1.0).routes("POST /record").build());
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> api.post(ORDERS, props("orderId", "o-r", "status", "NEW")));
    emu.admin().clearFaults();
    assertTrue(e.getCause() != null);
    assertEquals(before + 1, emu.admin().stats().connectionResets());
    assertEquals(200, api.get(ORDERS + "/o-1").statusCode());
    assertEquals(404, api.get(ORDERS + "/o-r").statusCode());
  }

  @Test
  void afterProcessingFaultsApplyTheWriteButFailTheAnswer() {
    emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 502).routes("POST /record").afterProcessing(true)
        .build());
    assertEquals(502, api.post(ORDERS, props("orderId", "o-after", "status", "NEW")).statusCode());
    emu.admin().faults(FaultSettings.builder(1).resetRate(1.0).routes("POST /record").afterProcessing(true).build());
    assertThrows(UncheckedIOException.class, () -> api.post(ORDERS, props("orderId", "o-after2", "status", "NEW")));
    emu.admin().clearFaults();
    assertEquals(200, api.get(ORDERS + "/o-after").statusCode());
    assertEquals(200, api.get(ORDERS + "/o-after2").statusCode());
  }
}
