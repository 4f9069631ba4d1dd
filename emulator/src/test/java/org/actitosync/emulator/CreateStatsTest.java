package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.junit.jupiter.api.Test;

/** Statistics the fault-tolerance tests read: record creates per key, calls per route and status. */
class CreateStatsTest {
  @Test
  void countsCreatesPerKeyButNotUpdatesSeedsOrAdminPuts() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      String order = props("orderId", "n-1", "status", "NEW");
      assertEquals(200, api.post(ORDERS, order).statusCode());
      assertEquals(200, api.post(ORDERS, order).statusCode());                       // update: not a create
      assertEquals(200, api.post(ORDERS, props("orderId", "N-1", "status", "NEW")).statusCode()); // other key
      emu.admin().putRecords("demo", "orders", java.util.List.of(Map.of("orderId", "by-hand", "status", "NEW")));
      assertEquals(200, api.delete(ORDERS + "/n-1").statusCode());
      assertEquals(200, api.post(ORDERS, order).statusCode());                       // created again

      EmulatorStats stats = emu.admin().stats();
      assertEquals(2, stats.creates("orders", "n-1"));
      assertEquals(1, stats.creates("orders", "N-1"));
      assertEquals(0, stats.creates("orders", "by-hand"));
      assertEquals(0, stats.creates("orders", "o-1"), "seeded rows are not API creates");
      assertEquals(Map.of("n-1", 2L), stats.repeatedCreates("orders"));
      emu.admin().resetStats();
      assertEquals(0, emu.admin().stats().creates("orders", "n-1"));
    }
  }

  @Test
  void countsCallsPerRouteAndStatus() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      api.get(ORDERS + "/o-1");
      api.get(ORDERS + "/nowhere");
      emu.admin().faults(FaultSettings.builder(1).errorRate(1.0, 503).build());
      api.get(ORDERS + "/o-1");
      EmulatorStats stats = emu.admin().stats();
      assertEquals(1, stats.routeStatus("GET /record/{key}", 200));
      assertEquals(1, stats.routeStatus("GET /record/{key}", 404));
      assertEquals(1, stats.routeStatus("GET /record/{key}", 503));
      assertEquals(1, stats.routeStatus("GET /auth/token", 200));
      long sum = stats.byRouteAndStatus().values().stream().mapToLong(Long::longValue).sum();
      assertEquals(stats.totalCalls(), sum);
    }
  }
}
