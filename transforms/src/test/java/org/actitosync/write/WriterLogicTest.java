package org.actitosync.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeType;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the writer's pure pieces. */
class WriterLogicTest {

  @Test
  void theStrategyFollowsTheCost() {
    StrategyChooser chooser =
        new StrategyChooser(90, 2, 100L * 1024 * 1024, Duration.ofMinutes(5), 5);
    StrategyChooser.Choice small = chooser.choose(100, 0, 1, 80, Strategy.AUTO);
    assertEquals(Strategy.RECORDS, small.strategy());
    StrategyChooser.Choice medium = chooser.choose(10_000, 0, 1, 80, Strategy.AUTO);
    assertEquals(Strategy.BULK, medium.strategy());
    assertEquals(1, medium.files());
    StrategyChooser.Choice large = chooser.choose(1_000_000, 50, 1, 80, Strategy.AUTO);
    assertEquals(Strategy.BULK, large.strategy());
    assertEquals(55, large.estimatedCalls(), "one file needs 5 calls, deletes one each");
    // too many files for the imports allowed: record calls, with the reason
    StrategyChooser.Choice huge = chooser.choose(10_000_000, 0, 1, 200, Strategy.AUTO);
    assertEquals(Strategy.RECORDS, huge.strategy());
    assertTrue(huge.reason().contains("over the 2 allowed per run"), huge.reason());
    assertEquals(Strategy.RECORDS, chooser.choose(1_000_000, 0, 1, 80, Strategy.RECORDS).strategy());
    assertEquals(Strategy.BULK, chooser.choose(10, 0, 1, 80, Strategy.BULK).strategy());
    assertEquals(Strategy.RECORDS, chooser.choose(0, 10, 1, 80, Strategy.AUTO).strategy());
    // create-only costs two calls per change
    assertEquals(200, chooser.choose(100, 0, 2, 80, Strategy.RECORDS).estimatedCalls());
  }

  @Test
  void createOnlyOrUpdateOnlyChangesNeverGoBulk() {
    StrategyChooser chooser =
        new StrategyChooser(90, 2, 100L * 1024 * 1024, Duration.ofMinutes(5), 5);
    StrategyChooser.Choice insert = chooser.choose(1_000_000, 0, 2, 80, Strategy.AUTO, false);
    assertEquals(Strategy.RECORDS, insert.strategy());
    assertEquals(StrategyChooser.BULK_ONLY_CREATE_OR_UPDATE, insert.reason());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> chooser.choose(1_000, 0, 1, 80, Strategy.BULK, false));
    assertTrue(e.getMessage().startsWith("write.strategy BULK: "), e.getMessage());
    assertEquals(Strategy.BULK, chooser.choose(10_000, 0, 1, 80, Strategy.AUTO, true).strategy());
    // deletes only: nothing to bulk-write, no refusal
    assertEquals(Strategy.RECORDS, chooser.choose(0, 5, 1, 80, Strategy.BULK, false).strategy());
  }

  @Test
  void payloadsCarryTheKeyAndOnlyTheChangedAttributes() {
    WriterConfig config = WriterConfig.builder()
        .setClient(org.actitosync.actito.ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:1")
            .setEntity("demo").setApiKey(org.actitosync.actito.ApiKey.of("k")).build())
        .setTable("orders").setKeyAttribute("orderId").attributeTypes(WriterFixture.LAYOUT.types())
        .setRunKey("payload").build();
    Classification update = WriterFixture.updates(SyncMode.UPSERT,
        List.of(WriterFixture.order("o", 1, "1", "NEW")), List.of(WriterFixture.order("o", 1, "2", "NEW"))).get(0);
    assertEquals(Map.of("orderId", "o", "amount", new BigDecimal("2")), RecordPayloads.of(update, config));
    Classification insert = WriterFixture.newKeys(SyncMode.INSERT, List.of(WriterFixture.order("n", 7, "3", "NEW"))).get(0);
    assertEquals(List.of("orderId", "amount", "customerId", "status"),
        new ArrayList<>(RecordPayloads.of(insert, config).keySet()));
  }

  @Test
  void configRefusesALimitAboveTheLicence() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WriterConfig.builder()
        .setClient(org.actitosync.actito.ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:1")
            .setEntity("demo").setApiKey(org.actitosync.actito.ApiKey.of("k")).build())
        .setTable("orders").setKeyAttribute("orderId").attributeTypes(WriterFixture.LAYOUT.types())
        .setRunKey("x").setConcurrency(6).build());
    assertTrue(e.getMessage().contains("write.concurrency"), e.getMessage());
  }
}
