package org.actitosync.emulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.Test;

class EmulatorDataTest {
  static final ObjectMapper M = new ObjectMapper();

  static String custom(String attributes, String extra) {
    return "{\"entities\":[{\"name\":\"demo\"}],\"customTables\":[{\"entity\":\"demo\",\"id\":\"t1\",\"name\":\"t\","
        + "\"attributes\":[" + attributes + "]" + extra + "}]}";
  }

  static void invalid(String json, String expected) {
    DataFileException e = assertThrows(DataFileException.class, () -> EmulatorData.parse(json, M));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void defaultsAndLimits() {
    EmulatorData d = EmulatorData.parse("{\"limits\":{\"rateMode\":\"STRICT\",\"retryAfterSeconds\":null}}", M);
    assertEquals(900, d.tokenTtlSeconds());
    assertEquals(RateMode.STRICT, d.limits().rateMode());
    assertEquals(null, d.limits().retryAfterSeconds());
    assertEquals(Limits.DEFAULTS.maxConcurrent(), d.limits().maxConcurrent());
    assertEquals(24, d.limits().bulkImportsPerTablePerDay());
  }

  @Test
  void rejectsInvalidFiles() {
    invalid("[]", "JSON object");
    invalid("{", "not valid JSON");
    invalid("{\"limits\":{\"rateMode\":\"FAST\"}}", "rateMode");
    invalid(custom("{\"name\":\"a\",\"valueType\":\"WHAT\"}", ""), "unknown valueType");
    invalid(custom("{\"name\":\"a\",\"valueType\":\"STRING\"},{\"name\":\"a\",\"valueType\":\"LONG\"}", ""),
        "duplicate attribute");
    invalid(custom("{\"name\":\"id\",\"valueType\":\"STRING\",\"unique\":true}", ""), "technical");
    invalid(custom("{\"name\":\"a\",\"valueType\":\"STRING\"}", ""), "primaryKeyAttribute");
    invalid(custom("{\"name\":\"a\",\"valueType\":\"STRING\",\"unique\":true}",
        ",\"foreignKeys\":[{\"name\":\"fk\",\"attribute\":\"a\",\"reference\":{\"tableType\":\"PROFILE_TABLE\","
            + "\"tableId\":\"99\",\"attribute\":\"x\"}}]"), "references unknown PROFILE_TABLE 99");
    invalid("{\"customTables\":[{\"entity\":\"nope\",\"name\":\"t\",\"attributes\":[{\"name\":\"a\","
        + "\"valueType\":\"STRING\",\"unique\":true}]}]}", "undeclared entity");
  }

  @Test
  void seedRowsAreValidatedWhenLoaded() {
    EmulatorData d = EmulatorData.parse(custom("{\"name\":\"a\",\"valueType\":\"LONG\",\"unique\":true}",
        ",\"records\":[{\"a\":\"x\"}]"), M);
    DataFileException e = assertThrows(DataFileException.class,
        () -> new DataStore(java.time.Clock.systemUTC()).load(d));
    assertTrue(e.getMessage().contains("invalid row"), e.getMessage());
  }

  @Test
  void firstUniqueAttributeIsThePrimaryKeyWhenNoneIsGiven() {
    EmulatorData d = EmulatorData.parse(custom("{\"name\":\"a\",\"valueType\":\"STRING\"},"
        + "{\"name\":\"b\",\"valueType\":\"LONG\",\"unique\":true}", ""), M);
    assertEquals("b", d.customTables().get(0).def().primaryKeyAttribute());
  }
}
