package org.actitosync.emulator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.actitosync.emulator.model.AttributeDef;
import org.actitosync.emulator.model.ValueType;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
  static final ObjectMapper M = new ObjectMapper();

  static AttributeDef attr(ValueType t) {
    return new AttributeDef("a", t, false, false, null, AttributeDef.DEFAULT_MAX_LENGTH, List.of());
  }

  static Object convert(ValueType t, String json) throws Exception {
    return ValueConverter.convert(attr(t), M.readTree(json));
  }

  static void rejects(ValueType t, String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> convert(t, json), json);
    assertEquals("a", e.attribute());
    assertTrue(e.getMessage().contains("'a'"), e.getMessage());
  }

  @Test
  void convertsAndRejectsByType() throws Exception {
    assertNull(convert(ValueType.STRING, "null"));
    assertEquals("x", convert(ValueType.STRING, "\"x\""));
    rejects(ValueType.STRING, "1");
    assertEquals(12L, convert(ValueType.LONG, "12"));
    assertEquals(12L, convert(ValueType.LONG, "\"12\""));
    assertEquals(12L, convert(ValueType.LONG, "12.0"));
    rejects(ValueType.LONG, "12.5");
    rejects(ValueType.LONG, "\"1e3\"");
    rejects(ValueType.LONG, "99999999999999999999");
    rejects(ValueType.INTEGER, "3000000000");
    assertEquals(0, new BigDecimal("1.50").compareTo((BigDecimal) convert(ValueType.NUMBER, "\"1.50\"")));
    rejects(ValueType.NUMBER, "\"1,5\"");
    rejects(ValueType.NUMBER, "true");
    assertEquals(true, convert(ValueType.BOOLEAN, "\"Y\""));
    assertEquals(false, convert(ValueType.BOOLEAN, "0"));
    rejects(ValueType.BOOLEAN, "\"oui\"");
    assertEquals("2026-02-28", convert(ValueType.DATE, "\"2026-02-28\""));
    rejects(ValueType.DATE, "\"2026-02-29\"");
    rejects(ValueType.DATE, "20260101");
    assertEquals("2026-01-15 08:30:00", convert(ValueType.TIMESTAMP, "\"2026-01-15T10:30:00+02:00\""));
    assertEquals("2026-01-15 10:30:00", convert(ValueType.TIMESTAMP, "\"2026-01-15T10:30:00Z\""));
    assertEquals("2026-01-15 10:30:00", convert(ValueType.TIMESTAMP, "\"2026-01-15 10:30:00\""));
    rejects(ValueType.TIMESTAMP, "\"2026-01-15 25:30:00\"");
    assertEquals("a@b.co", convert(ValueType.EMAIL, "\"a@b.co\""));
    rejects(ValueType.EMAIL, "\"a@b\"");
    assertEquals("fr", convert(ValueType.LANGUAGE, "\"FR\""));
    rejects(ValueType.SEX, "\"X\"");
  }

  @Test
  void restrictions() throws Exception {
    AttributeDef limited = new AttributeDef("code", ValueType.STRING, false, false, 2, 3, List.of());
    assertEquals("abc", ValueConverter.convert(limited, M.readTree("\"abc\"")));
    assertThrows(ValidationException.class, () -> ValueConverter.convert(limited, M.readTree("\"abcd\"")));
    assertThrows(ValidationException.class, () -> ValueConverter.convert(limited, M.readTree("\"a\"")));
    AttributeDef emoji = new AttributeDef("e", ValueType.STRING, false, false, null, 2, List.of());
    assertEquals("😀😀", ValueConverter.convert(emoji, M.readTree("\"😀😀\""))); // code points, not chars
    AttributeDef dflt = attr(ValueType.STRING);
    JsonNode long256 = M.valueToTree("x".repeat(256));
    assertThrows(ValidationException.class, () -> ValueConverter.convert(dflt, long256));
    AttributeDef accepted = new AttributeDef("n", ValueType.LONG, false, false, null, 255, List.of("1", "2"));
    assertEquals(2L, ValueConverter.convert(accepted, M.readTree("\"2\"")));
    assertThrows(ValidationException.class, () -> ValueConverter.convert(accepted, M.readTree("3")));
  }
}
