package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.actitosync.write.WriterFixture.orders;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.record.MappedRecord;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer under faults, token expiry, a revoked key, and with the profiles option. */
class WriteResilienceTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @Test
  void injected5xxAndA429StormConverge() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(42).errorRate(0.10, 500, 502, 503).build()).start()) {
      List<MappedRecord> rows = orders(60, "f-");
      // a 429 storm with Retry-After on top of the 5xx: the first calls are all refused
      emulator.admin().faults(FaultSettings.builder(42).errorRate(0.10, 500, 502, 503, 429)
          .errorRetryAfterSeconds(1).build());
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config(emulator, WriterFixture.KEY).setConcurrency(3).build());
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          assertTrue(o.status() == OutcomeStatus.APPLIED || o.status() == OutcomeStatus.FAILED, o.toString());
        }
        return null;
      });
      PAssert.that(render(outcomes)).satisfies(all -> {
        int count = 0;
        for (String ignored : all) {
          count++;
        }
        assertEquals(60, count);
        return null;
      });
      beam.pipeline().run().waitUntilFinish();
      assertTrue(emulator.admin().stats().injectedErrors() > 0, "faults were injected");
      assertTrue(emulator.admin().stats().status(429) > 0, "429s were served");
      assertTrue(emulator.admin().stats().status(503) + emulator.admin().stats().status(500) > 0);
      // every change the writer reported APPLIED is in Actito with the source's values
      Map<String, Map<String, Object>> actual = new HashMap<>();
      emulator.admin().records("demo", "orders").forEach(r -> actual.put((String) r.get("orderId"), r));
      for (MappedRecord row : rows) {
        Map<String, Object> record = actual.get(row.key());
        if (record != null) {
          assertEquals(new BigDecimal(row.values().get("amount")), new BigDecimal(record.get("amount").toString()));
        }
      }
    }
  }

  @Test
  void tokenExpiryMidRunCausesNoFailure() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(7).tokenExpiryRate(0.1).build()).start()) {
      List<MappedRecord> rows = orders(40, "t-");
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config(emulator, WriterFixture.KEY).build());
      PAssert.that(render(outcomes))
          .containsInAnyOrder(rows.stream().map(r -> "APPLIED " + r.key()).collect(Collectors.toList()));
      beam.pipeline().run().waitUntilFinish();
      assertTrue(emulator.admin().stats().injectedTokenExpiries() > 0, "tokens did expire");
      assertTrue(emulator.admin().stats().tokensMinted() > 1, "tokens were re-minted");
    }
  }

  @Test
  void aRevokedKeyFailsTheRunFastWithoutADeadLetterFlood() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      emulator.admin().revokeKey(WriterFixture.REVOCABLE);
      write(beam.pipeline(), newKeys(SyncMode.UPSERT, orders(200, "r-")),
          config(emulator, WriterFixture.REVOCABLE).setConcurrency(2).build());
      RuntimeException failure =
          assertThrows(RuntimeException.class, () -> beam.pipeline().run().waitUntilFinish());
      assertTrue(String.valueOf(causes(failure)).contains("AUTH"), causes(failure));
      assertTrue(emulator.admin().stats().totalCalls() < 20,
          "the run stopped at once: " + emulator.admin().stats().totalCalls() + " calls");
      assertEquals(1, emulator.admin().records("demo", "orders").size());
    }
  }

  @Test
  void anOutageFailsTheRunInsteadOfDeadLetteringEverything() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(3).errorRate(1.0, 503).build()).start()) {
      WriterConfig config = config(emulator, WriterFixture.KEY).setOutageMinCalls(5)
          .setClient(config(emulator, WriterFixture.KEY).build().client().toBuilder()
              .setRetryPolicy(org.actitosync.actito.retry.RetryPolicy.builder()
                  .setMaxAttempts(2).setInitialBackoff(java.time.Duration.ofMillis(1))
                  .setMaxBackoffPerAttempt(java.time.Duration.ofMillis(2))
                  .setMaxTotalBackoff(java.time.Duration.ofMillis(10)).build())
              .build())
          .build();
      write(beam.pipeline(), newKeys(SyncMode.UPSERT, orders(50, "x-")), config);
      RuntimeException failure =
          assertThrows(RuntimeException.class, () -> beam.pipeline().run().waitUntilFinish());
      assertTrue(causes(failure).contains("Actito looks unavailable"), causes(failure));
    }
  }

  @Test
  void missingProfilesAreCreatedOnceEachBeforeTheirRows() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        rows.add(order("p-" + i, 100 + i % 3, "1", "NEW")); // customers 100, 101, 102: missing
      }
      rows.add(order("p-known", 1, "1", "NEW")); // customer 1 exists
      WriterConfig config = config(emulator, WriterFixture.KEY)
          .setProfiles(ProfilesOption.of("customers", "customerId", "customerId", Map.of()))
          .build();
      PAssert.that(render(write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config)))
          .containsInAnyOrder(rows.stream().map(r -> "APPLIED " + r.key()).collect(Collectors.toList()));
      beam.pipeline().run().waitUntilFinish();
      assertEquals(5, emulator.admin().profiles("demo", "customers").size());
      assertEquals(3, emulator.admin().stats().route("POST /profile"), emulator.admin().stats().byRoute().toString());
      assertEquals(14, emulator.admin().records("demo", "orders").size());
    }
  }

  @Test
  void withoutTheProfilesOptionRowsOfMissingProfilesAreRejectedWithTheReason() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> rows = List.of(order("n-1", 555, "1", "NEW"), order("n-2", 1, "1", "NEW"));
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config(emulator, WriterFixture.KEY).build());
      PAssert.that(render(outcomes)).containsInAnyOrder("REJECTED n-1", "APPLIED n-2");
      PAssert.that(outcomes).satisfies(all -> {
        for (WriteOutcome o : all) {
          if (o.status() == OutcomeStatus.REJECTED) {
            assertEquals(400, o.httpStatus());
            assertTrue(o.message().contains("customerId"), o.message());
          }
        }
        return null;
      });
      beam.pipeline().run().waitUntilFinish();
      assertEquals(0, emulator.admin().stats().route("POST /profile"));
    }
  }

  static String causes(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
    }
    return sb.toString();
  }
}
