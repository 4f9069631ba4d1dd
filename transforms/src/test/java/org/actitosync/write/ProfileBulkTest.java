package org.actitosync.write;

import static org.actitosync.write.ProfileCreationFailuresTest.order;
import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profiles ensured in bulk: one CREATE_ONLY ETL execution on the profile table instead of a lookup
 * and a create each, through the real client and the emulator's v5 ETL routes.
 */
class ProfileBulkTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  static WriterConfig.Builder profilesConfig(ActitoEmulator emulator) {
    return withProfiles(config(emulator, WriterFixture.KEY));
  }

  /** A config that calls nothing (for the pure strategy choice). */
  static WriterConfig.Builder offline() {
    return withProfiles(WriterConfig.builder()
        .setClient(org.actitosync.actito.ActitoClientConfig.builder().setBaseUrl("http://127.0.0.1:9")
            .setEntity("demo").setApiKey(org.actitosync.actito.ApiKey.of(WriterFixture.KEY)).build())
        .setTable("orders").setKeyAttribute("orderId").attributeTypes(WriterFixture.LAYOUT.types())
        .setRunKey("offline"));
  }

  static WriterConfig.Builder withProfiles(WriterConfig.Builder builder) {
    return builder
        .setProfiles(ProfilesOption.of("customers", "customerId", "customerId", Map.of(),
            Map.of("emailAddress", AttributeType.STRING, "lastName", AttributeType.STRING)));
  }

  @Test
  void theCostModelPicksBulkForManyProfilesAndHoldsTheBudget() {
    WriterConfig config = offline().setCallsPerMinute(90).build();
    StrategyChooser.Choice many = ProfileSteps.choose(config, 2_000);
    assertEquals(Strategy.BULK, many.strategy(), many.reason());
    assertTrue(many.estimatedCalls() <= 10, many.toJson());
    StrategyChooser.Choice few = ProfileSteps.choose(config, 20);
    assertEquals(Strategy.RECORDS, few.strategy(), few.reason());
    assertEquals(40, few.estimatedCalls(), "a lookup and a create each");
    // a template without ${tableType} cannot write a profile table
    WriterConfig custom = offline().setDefinitionTemplate(
        org.actitosync.actito.etl.EtlDefinitionTemplate.of(
            org.actitosync.actito.etl.EtlDefinitionTemplate.defaults().text().replace("${tableType}", "CUSTOM_TABLE")))
        .build();
    assertEquals(Strategy.RECORDS, ProfileSteps.choose(custom, 2_000).strategy());
  }

  @Test
  void bulkCreatesTheMissingNeverModifiesTheExistingAndRefusedLinesAreTheRowsReason() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        rows.add(order("b-" + i, 500 + i, "c" + (500 + i) + "@example.com"));
      }
      rows.add(order("bad", 600, "not-an-email"));
      rows.add(order("known", 1, "other@example.com")); // customer 1 exists: left as it is
      WriterConfig config = profilesConfig(emulator).setStrategy(Strategy.BULK)
          .setImportDuration(Duration.ofSeconds(1)).build();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config);
      List<String> expected = new ArrayList<>();
      rows.forEach(r -> expected.add((r.key().equals("bad") ? "REJECTED " : "APPLIED ") + r.key()));
      PAssert.that(render(outcomes)).containsInAnyOrder(expected);
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          if (o.change().key().equals("bad")) {
            assertTrue(o.message().startsWith("profile customerId=600 could not be created: "), o.message());
            assertEquals(0, o.attempts());
          }
        }
        return null;
      });
      beam.pipeline().run().waitUntilFinish();

      assertEquals(2, emulator.admin().stats().route("POST /etl-executions"), "one for the profiles, one for the orders: "
          + emulator.admin().stats().byRoute());
      assertEquals(0, emulator.admin().stats().route("POST /record"));
      assertEquals(0, emulator.admin().stats().route("POST /profile"));
      assertEquals(2, emulator.admin().stats().route("GET /profile/{key}"), "only the 2 refused lines are looked up");
      List<Map<String, Object>> profiles = emulator.admin().profiles("demo", "customers");
      assertEquals(2 + 30, profiles.size());
      Map<String, Object> p512 = profiles.stream()
          .filter(p -> String.valueOf(p.get("customerId")).equals("512")).findFirst().orElseThrow();
      assertEquals("c512@example.com", p512.get("emailAddress"));
      assertEquals("Last 512", p512.get("lastName"));
      Map<String, Object> one = profiles.stream()
          .filter(p -> String.valueOf(p.get("customerId")).equals("1")).findFirst().orElseThrow();
      assertEquals("one@example.com", one.get("emailAddress"));
      assertEquals("One", one.get("lastName"));
    }
  }
}
