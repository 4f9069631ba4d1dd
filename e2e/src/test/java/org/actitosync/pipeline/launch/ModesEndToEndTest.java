package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.classify.SyncMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each sync mode end to end over three runs, from PostgreSQL to the emulator through the launcher:
 * a full sync; inserts, updates and deletes in the source; then no change at all (zero write calls).
 * Records r1..r4 already exist in Actito before the first run (someone else created them), so the
 * modes differ: INSERT never touches them, UPDATE never creates, MIRROR deletes what it wrote.
 */
class ModesEndToEndTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(SyncMode.class)
  void threeRunsLeaveWhatTheModePromises(SyncMode mode) throws Exception {
    try (Activations a = new Activations(dir, "modes-" + mode.name().toLowerCase())) {
      seed(a);
      Path config = a.config(mode.name());

      Activations.Result first = a.launch("--config=" + config);
      assertEquals(0, first.code(), first.out() + first.err());
      assertEquals(expectedAfterFirst(mode), a.amounts(), first.out());

      a.sql("UPDATE " + a.table + " SET amount = 11 WHERE order_id = 'r1'",
          "DELETE FROM " + a.table + " WHERE order_id = 'r2'",
          "INSERT INTO " + a.table + " VALUES ('r7',1,70,'NEW')");
      Activations.Result second = a.launch("--config=" + config);
      assertEquals(0, second.code(), second.out() + second.err());
      assertEquals(expectedAfterSecond(mode), a.amounts(), second.out());

      long before = a.writeCalls();
      Activations.Result third = a.launch("--config=" + config);
      assertEquals(0, third.code(), third.out() + third.err());
      assertEquals(before, a.writeCalls(), "the third run must not write: " + third.out());
      assertEquals(expectedAfterSecond(mode), a.amounts());
    }
  }

  /** Records r1..r4 already in Actito (written by someone else), r1..r6 in the segment. */
  static void seed(Activations a) {
    a.emulator.admin().putRecords("demo", "orders", java.util.List.of(
        Map.of("orderId", "r1", "customerId", 1, "amount", 0, "status", "NEW"),
        Map.of("orderId", "r2", "customerId", 1, "amount", 0, "status", "NEW"),
        Map.of("orderId", "r3", "customerId", 1, "amount", 0, "status", "NEW"),
        Map.of("orderId", "r4", "customerId", 1, "amount", 0, "status", "NEW")));
    a.sql("INSERT INTO " + a.table + " VALUES ('r1',1,10,'NEW'),('r2',1,20,'NEW'),('r3',2,30,'PAID'),"
        + "('r4',2,40,'NEW'),('r5',1,50,'NEW'),('r6',2,60,'CANCELLED')");
  }

  static Map<String, String> expectedAfterFirst(SyncMode mode) {
    Map<String, String> m = new TreeMap<>(Map.of("o-1", "10.5"));
    switch (mode) {
      case INSERT:
        m.putAll(Map.of("r1", "0", "r2", "0", "r3", "0", "r4", "0", "r5", "50", "r6", "60"));
        break;
      case UPDATE:
        m.putAll(Map.of("r1", "10", "r2", "20", "r3", "30", "r4", "40"));
        break;
      default:
        m.putAll(Map.of("r1", "10", "r2", "20", "r3", "30", "r4", "40", "r5", "50", "r6", "60"));
    }
    return m;
  }

  static Map<String, String> expectedAfterSecond(SyncMode mode) {
    Map<String, String> m = expectedAfterFirst(mode);
    switch (mode) {
      case INSERT:
        m.put("r7", "70");
        break;
      case UPDATE:
        m.put("r1", "11");
        break;
      case UPSERT:
        m.put("r1", "11");
        m.put("r7", "70");
        break;
      default:
        m.put("r1", "11");
        m.put("r7", "70");
        m.remove("r2");
    }
    return m;
  }
}
