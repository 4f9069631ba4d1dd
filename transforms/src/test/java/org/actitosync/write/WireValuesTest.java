package org.actitosync.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.ApiKey;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;
import org.actitosync.record.AttributeType;
import org.actitosync.record.CanonicalValues;
import org.junit.jupiter.api.Test;

/** Wire values in Actito's formats, timestamps in whole seconds in the target's zone. */
class WireValuesTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  @Test
  void valuesMatchActitoFormats() {
    assertEquals(42L, WireValues.toWire(AttributeType.LONG, "42", UTC));
    assertEquals(new BigDecimal("10.5"), WireValues.toWire(AttributeType.NUMBER, "10.5", UTC));
    assertEquals(Boolean.TRUE, WireValues.toWire(AttributeType.BOOLEAN, "true", UTC));
    assertEquals("2024-05-01", WireValues.toWire(AttributeType.DATE, "2024-05-01", BRUSSELS));
    assertEquals("x y", WireValues.toWire(AttributeType.STRING, "x y", BRUSSELS));
    assertEquals(null, WireValues.toWire(AttributeType.TIMESTAMP, null, UTC));
    assertEquals("", WireValues.toCsv(AttributeType.STRING, null, UTC));
    assertEquals("1200", WireValues.toCsv(AttributeType.NUMBER, "1200", UTC));
  }

  @Test
  void timestampsAreWholeSecondsInUtcByDefault() {
    assertEquals("2024-05-01 08:00:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-05-01T08:00:00Z", UTC));
    assertEquals("1969-12-31 23:59:59", WireValues.toCsv(AttributeType.TIMESTAMP, "1969-12-31T23:59:59Z", UTC));
    // a fraction never reaches the wire, even from a canonical value made before truncation
    assertEquals("2024-05-01 08:00:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-05-01T08:00:00.999Z", UTC));
  }

  @Test
  void timestampsAreRenderedInTheTargetZoneWithItsDaylightSavingTime() {
    // winter: UTC+1
    assertEquals("2024-01-15 13:30:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-01-15T12:30:00Z", BRUSSELS));
    // summer: UTC+2
    assertEquals("2024-07-15 14:30:00", WireValues.toCsv(AttributeType.TIMESTAMP, "2024-07-15T12:30:00Z", BRUSSELS));
    // the spring-forward night: 00:59:59 UTC is 01:59:59 CET, one second later it is 03:00:00 CEST
    assertEquals("2024-03-31 01:59:59", WireValues.toWire(AttributeType.TIMESTAMP, "2024-03-31T00:59:59Z", BRUSSELS));
    assertEquals("2024-03-31 03:00:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-03-31T01:00:00Z", BRUSSELS));
    // the fall-back night: two UTC instants an hour apart read 02:30:00 in Brussels
    assertEquals("2024-10-27 02:30:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-10-27T00:30:00Z", BRUSSELS));
    assertEquals("2024-10-27 02:30:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-10-27T01:30:00Z", BRUSSELS));
    // across midnight, the date moves too
    assertEquals("2025-01-01 00:15:00", WireValues.toWire(AttributeType.TIMESTAMP, "2024-12-31T23:15:00Z", BRUSSELS));
  }

  @Test
  void aPostgresTimestampWithMicrosecondsGoesOutTruncated() throws Exception {
    String canonical = CanonicalValues.canonicalize(AttributeType.TIMESTAMP, "2024-07-15 14:30:59.999999+02");
    assertEquals("2024-07-15T12:30:59Z", canonical);
    assertEquals("2024-07-15 12:30:59", WireValues.toWire(AttributeType.TIMESTAMP, canonical, UTC));
    assertEquals("2024-07-15 14:30:59", WireValues.toWire(AttributeType.TIMESTAMP, canonical, BRUSSELS));
  }

  @Test
  void recordPayloadsUseTheConfiguredZone() {
    WriterConfig.Builder config = WriterConfig.builder()
        .setClient(ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:1")
            .setEntity("demo").setApiKey(ApiKey.of("k")).build())
        .setTable("events").setKeyAttribute("id")
        .attributeTypes(Map.of("id", AttributeType.STRING, "at", AttributeType.TIMESTAMP))
        .setRunKey("zone");
    Classification change = Classification.builder("e1", ChangeKind.INSERT)
        .setSemantics(WriteSemantics.CREATE_OR_UPDATE)
        .changedAttributes(java.util.List.of("at", "id"))
        .values(Map.of("id", "e1", "at", "2024-07-15T12:30:00Z"))
        .build();
    assertEquals(Map.of("id", "e1", "at", "2024-07-15 12:30:00"), RecordPayloads.of(change, config.build()));
    assertEquals(Map.of("id", "e1", "at", "2024-07-15 14:30:00"),
        RecordPayloads.of(change, config.setTimeZone(BRUSSELS).build()));
  }
}
