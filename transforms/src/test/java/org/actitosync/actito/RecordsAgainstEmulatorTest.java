package org.actitosync.actito;

import static org.actitosync.actito.EmulatorFixture.KEY;
import static org.actitosync.actito.EmulatorFixture.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.records.RecordEffect;
import org.actitosync.actito.records.WriteResult;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.RouteSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Record operations over real HTTP against the embedded emulator, in both path styles. */
class RecordsAgainstEmulatorTest {
  static ActitoEmulator emu;

  @BeforeAll
  static void start() {
    emu = EmulatorFixture.start(RouteSet.BOTH);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.admin().reset();
  }

  private static ActitoClient client(PathStyle style) {
    return EmulatorFixture.client(EmulatorFixture.config(emu, KEY).setPathStyle(style).build(),
        new RecordingSleeper(null));
  }

  private static Map<String, Object> order(String id, Object amount, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", id);
    m.put("customerId", 1);
    m.put("amount", amount);
    m.put("status", status);
    return m;
  }

  private static Optional<Map<String, Object>> stored(String key) {
    return emu.admin().records("demo", ORDERS).stream()
        .filter(r -> key.equals(r.get("orderId"))).findFirst();
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void upsertCreatesThenUpdates(PathStyle style) {
    ActitoClient c = client(style);
    WriteResult created = c.records().upsert(ORDERS, order("o-2", new BigDecimal("12.25"), "NEW"));
    assertEquals(RecordEffect.CREATED, created.outcome());
    assertEquals(Optional.of("o-2"), created.businessKey());
    assertEquals(1, created.attempts());
    WriteResult updated = c.records().upsert(ORDERS, order("o-2", 13, "PAID"));
    assertEquals(RecordEffect.UPDATED, updated.outcome());
    assertEquals("PAID", stored("o-2").orElseThrow().get("status"));
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void updateOnly(PathStyle style) {
    ActitoClient c = client(style);
    assertEquals(RecordEffect.UPDATED, c.records().update(ORDERS, "o-1", Map.of("note", "hi")).outcome());
    assertEquals("hi", stored("o-1").orElseThrow().get("note"));
    assertEquals("NEW", stored("o-1").orElseThrow().get("status"));
    assertEquals(RecordEffect.NOT_FOUND,
        c.records().update(ORDERS, "nope", Map.of("note", "x")).outcome());
    assertFalse(stored("nope").isPresent());
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void createOnlyNeverModifiesAnExistingRecord(PathStyle style) {
    ActitoClient c = client(style);
    WriteResult exists = c.records().createOnly(ORDERS, "o-1", order("o-1", 99, "PAID"));
    assertEquals(RecordEffect.EXISTS, exists.outcome());
    assertEquals("NEW", stored("o-1").orElseThrow().get("status"));
    WriteResult created = c.records().createOnly(ORDERS, "o-3", order("o-3", 1, "NEW"));
    assertEquals(RecordEffect.CREATED, created.outcome());
    assertEquals(2, created.attempts()); // GET + POST
    assertEquals(RecordEffect.EXISTS,
        c.records().createOnly(ORDERS, "o-3", order("o-3", 2, "PAID")).outcome()); // replay
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void getAndDelete(PathStyle style) {
    ActitoClient c = client(style);
    Map<String, Object> got = c.records().get(ORDERS, "o-1").orElseThrow();
    assertEquals("o-1", got.get("orderId"));
    assertEquals(new BigDecimal("10.5"), got.get("amount"));
    assertTrue(got.containsKey("creationMoment"));
    assertEquals(Optional.empty(), c.records().get(ORDERS, "missing"));
    assertEquals(RecordEffect.DELETED, c.records().delete(ORDERS, "o-1").outcome());
    assertEquals(RecordEffect.ALREADY_ABSENT, c.records().delete(ORDERS, "o-1").outcome());
    assertFalse(stored("o-1").isPresent());
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void keysThatNeedEncoding(PathStyle style) {
    ActitoClient c = client(style);
    for (String key : List.of("with space", "a/b/c", "k=v", "café é", "x+y", "%41", "mix /=+é?#&")) {
      assertEquals(RecordEffect.CREATED, c.records().upsert(ORDERS, order(key, 1, "NEW")).outcome(), key);
      assertEquals(RecordEffect.UPDATED, c.records().update(ORDERS, key, Map.of("note", "n-" + key)).outcome(), key);
      assertEquals("n-" + key, c.records().get(ORDERS, key).orElseThrow().get("note"), key);
      assertEquals("n-" + key, stored(key).orElseThrow().get("note"), key);
      assertEquals(RecordEffect.EXISTS, c.records().createOnly(ORDERS, key, order(key, 2, "NEW")).outcome(), key);
      assertEquals(RecordEffect.DELETED, c.records().delete(ORDERS, key).outcome(), key);
      assertFalse(stored(key).isPresent(), key);
    }
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void validationErrorIsPermanentWithActitosMessage(PathStyle style) {
    ActitoClient c = client(style);
    ActitoException e = assertThrows(ActitoException.class,
        () -> c.records().upsert(ORDERS, order("o-9", "not a number", "NEW")));
    assertEquals(ErrorClass.PERMANENT, e.errorClass());
    assertEquals(400, e.status());
    assertEquals(1, e.attempts());
    assertTrue(e.actitoMessage().contains("amount"), e.actitoMessage());
    ActitoException unknownTable = assertThrows(ActitoException.class,
        () -> c.records().upsert("no-such-table", order("o-9", 1, "NEW")));
    assertEquals(404, unknownTable.status());
    assertEquals(ErrorClass.PERMANENT, unknownTable.errorClass());
  }
}
