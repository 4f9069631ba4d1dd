package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.change.OutcomeStatus;
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
 * Profiles created from profile-only values, through the real client and the emulator over HTTP: a
 * profile Actito refuses is the reason of every row that needed it, and those rows are not sent.
 */
class ProfileCreationFailuresTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  static MappedRecord order(String id, long customer, String email) {
    Map<String, String> values = new TreeMap<>();
    values.put("orderId", id);
    values.put("customerId", Long.toString(customer));
    values.put("amount", "1");
    values.put("status", "NEW");
    return MappedRecord.create(id, values, Map.of(),
        email == null ? Map.of() : Map.of("emailAddress", email, "lastName", "Last " + customer));
  }

  static WriterConfig profilesConfig(ActitoEmulator emulator) {
    return config(emulator, WriterFixture.KEY)
        .setProfiles(ProfilesOption.of("customers", "customerId", "customerId", Map.of(),
            Map.of("emailAddress", AttributeType.STRING, "lastName", AttributeType.STRING)))
        .build();
  }

  @Test
  void aRefusedProfileIsTheReasonOfItsRowsWhichAreNotSent() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>();
      rows.add(order("bad-1", 300, "not-an-email"));       // refused: not an e-mail address
      rows.add(order("bad-2", 300, "not-an-email"));
      rows.add(order("taken-1", 301, "one@example.com"));  // refused: e-mail of profile 1
      rows.add(order("new-1", 302, "new302@example.com")); // created with its attributes
      rows.add(order("new-2", 302, "new302@example.com"));
      rows.add(order("known-1", 1, "changed@example.com")); // exists: left as it is
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), profilesConfig(emulator));
      PAssert.that(render(outcomes)).containsInAnyOrder(
          "REJECTED bad-1", "REJECTED bad-2", "REJECTED taken-1", "APPLIED new-1", "APPLIED new-2", "APPLIED known-1");
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          String key = o.change().key();
          if (key.startsWith("bad")) {
            assertEquals(400, o.httpStatus());
            assertTrue(o.message().startsWith("profile customerId=300 could not be created: "), o.message());
            assertTrue(o.message().contains("emailAddress"), o.message());
            assertEquals(0, o.attempts(), "no record call for a row whose profile is missing");
          } else if (key.startsWith("taken")) {
            assertTrue(o.message().startsWith("profile customerId=301 could not be created: "), o.message());
            assertTrue(o.message().contains("already used by profile 1"), o.message());
          } else {
            assertNull(o.message());
          }
        }
        return null;
      });
      beam.pipeline().run().waitUntilFinish();

      assertEquals(4, emulator.admin().records("demo", "orders").size(), "1 seeded + new-1, new-2, known-1");
      assertEquals(3, emulator.admin().stats().route("POST /profile"), "300, 301 and 302 tried once each");
      Map<String, Object> created = emulator.admin().profiles("demo", "customers").stream()
          .filter(p -> String.valueOf(p.get("customerId")).equals("302")).findFirst().orElseThrow();
      assertEquals("new302@example.com", created.get("emailAddress"));
      assertEquals("Last 302", created.get("lastName"));
      Map<String, Object> known = emulator.admin().profiles("demo", "customers").stream()
          .filter(p -> String.valueOf(p.get("customerId")).equals("1")).findFirst().orElseThrow();
      assertEquals("one@example.com", known.get("emailAddress"), "an existing profile is never modified");
    }
  }

  @Test
  void aProfileRouteThatStaysDownFailsItsRowsWithoutSendingThem() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(org.actitosync.emulator.faults.FaultSettings.builder(5).errorRate(1.0, 503)
            .routes("POST /profile").build())
        .start()) {
      WriterConfig config = profilesConfig(emulator).toBuilder()
          .setClient(profilesConfig(emulator).client().toBuilder()
              .setRetryPolicy(WriterFixture.FAST_RETRIES)
              .build())
          .build();
      List<MappedRecord> rows = List.of(order("down-1", 700, "c700@example.com"), order("up-1", 1, null));
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config);
      PAssert.that(render(outcomes)).containsInAnyOrder("FAILED down-1", "APPLIED up-1");
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          if (o.status() == OutcomeStatus.FAILED) {
            assertEquals(503, o.httpStatus());
            assertTrue(o.message().startsWith("profile customerId=700 could not be created: "), o.message());
            assertEquals(0, o.attempts());
          }
        }
        return null;
      });
      beam.pipeline().run().waitUntilFinish();
      assertEquals(2, emulator.admin().stats().route("POST /profile"), "tried, retried, given up");
      assertEquals(1, emulator.admin().stats().route("POST /record"), "only up-1 was sent");
    }
  }
}
