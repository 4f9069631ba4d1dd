package org.actitosync.write;

import static org.actitosync.write.WriterFixture.config;
import static org.actitosync.write.WriterFixture.newKeys;
import static org.actitosync.write.WriterFixture.order;
import static org.actitosync.write.WriterFixture.orders;
import static org.actitosync.write.WriterFixture.render;
import static org.actitosync.write.WriterFixture.updates;
import static org.actitosync.write.WriterFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.actitosync.actito.retry.RetryPolicy;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer under faults, token expiry, a revoked key, and with the profiles option. */
class WriteResilienceTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();
  /** A second pipeline for a test's next run (a Beam pipeline runs once); unused, it stays empty. */
  @RegisterExtension final TestPipelineExtension nextRun = TestPipelineExtension.direct();

  /** What the first run's PAssert saw: "STATUS key" per change (the DirectRunner runs in this JVM). */
  static final Queue<List<String>> RUNS = new ConcurrentLinkedQueue<>();

  /**
   * Inserts, updates and deletes through 5xx and 429 with Retry-After, with short retries so some
   * changes FAIL. Every change reported APPLIED is in Actito with exactly the values sent (a delete:
   * absent); a FAILED one may be anything. The next run sends the FAILED changes again (the snapshot
   * keeps only APPLIED ones), without faults: all APPLIED, and every key of the table is as intended.
   */
  @Test
  void underErrorsAndA429StormEveryAppliedChangeIsInActitoAndASecondRunConverges() {
    try (ActitoEmulator emulator = WriterFixture.emulator().start()) {
      List<MappedRecord> inserted = orders(40, "f-");
      List<MappedRecord> before = orders(10, "u-");
      List<MappedRecord> updated = new ArrayList<>();
      before.forEach(r -> updated.add(order(r.key(), 2, r.values().get("amount") + "1", "PAID")));
      List<MappedRecord> deleted = orders(10, "d-");
      emulator.admin().putRecords("demo", "orders", stored(before));
      emulator.admin().putRecords("demo", "orders", stored(deleted));
      Map<String, Map<String, String>> intended = table(emulator);
      inserted.forEach(r -> intended.put(r.key(), normalized(r.values())));
      updated.forEach(r -> intended.put(r.key(), normalized(r.values())));
      deleted.forEach(r -> intended.remove(r.key()));
      Map<String, MappedRecord> sent = new HashMap<>();
      inserted.forEach(r -> sent.put(r.key(), r));
      updated.forEach(r -> sent.put(r.key(), r));

      List<Classification> changes = new ArrayList<>(newKeys(SyncMode.UPSERT, inserted));
      changes.addAll(updates(SyncMode.UPSERT, before, updated));
      changes.addAll(gone(deleted));
      // 5xx, and 429 with Retry-After: 1, on top; two attempts within 1.5 s, so some changes FAIL
      emulator.admin().faults(FaultSettings.builder(42).errorRate(0.25, 500, 502, 503, 429)
          .errorRetryAfterSeconds(1).build());
      RUNS.clear();
      PCollection<WriteOutcome> outcomes = write(beam.pipeline(), changes, config(emulator, WriterFixture.KEY)
          .setConcurrency(3).setOutageMinCalls(1000).setClient(config(emulator, WriterFixture.KEY).build().client()
              .toBuilder().setRetryPolicy(RetryPolicy.builder().setMaxAttempts(2)
                  .setInitialBackoff(Duration.ofMillis(5)).setMaxBackoffPerAttempt(Duration.ofMillis(1500))
                  .setMaxTotalBackoff(Duration.ofMillis(1500)).build()).build())
          .build());
      PAssert.that(render(outcomes)).satisfies(all -> {
        List<String> run = new ArrayList<>();
        all.forEach(run::add);
        RUNS.add(run);
        return null;
      });
      beam.pipeline().run().waitUntilFinish();
      EmulatorStats stats = emulator.admin().stats();
      assertTrue(stats.status(429) > 0, "429s were served");
      assertTrue(stats.status(503) + stats.status(502) + stats.status(500) > 0, "5xx were served");
      List<String> first = RUNS.poll();
      assertEquals(60, first.size(), first.toString());
      Map<String, Map<String, String>> actual = table(emulator);
      for (String outcome : first) {
        String status = outcome.substring(0, outcome.indexOf(' '));
        String key = outcome.substring(outcome.indexOf(' ') + 1);
        assertTrue(status.equals("APPLIED") || status.equals("FAILED"), outcome);
        if (status.equals("APPLIED")) {
          Map<String, String> expected = sent.containsKey(key) ? normalized(sent.get(key).values()) : null;
          assertEquals(expected, actual.get(key), "APPLIED " + key + " is in Actito exactly as sent");
        }
      }
      System.out.printf("first run: %d FAILED of %d; emulator %s%n",
          first.stream().filter(o -> o.startsWith("FAILED")).count(), first.size(), stats.byStatus());

      emulator.admin().clearFaults(); // the next run sends again what FAILED
      Set<String> failed = first.stream().filter(o -> o.startsWith("FAILED ")).map(o -> o.substring(7))
          .collect(Collectors.toSet());
      List<Classification> again =
          changes.stream().filter(c -> failed.contains(c.key())).collect(Collectors.toList());
      PAssert.that(render(write(nextRun.pipeline(), again, config(emulator, WriterFixture.KEY).build())))
          .containsInAnyOrder(again.stream().map(c -> "APPLIED " + c.key()).collect(Collectors.toList()));
      nextRun.pipeline().run().waitUntilFinish();
      assertEquals(intended, table(emulator), "after the second run Actito is as intended for every key");
      assertEquals(Map.of(), emulator.admin().stats().repeatedCreates("orders"));
    }
  }

  /** Deletes of {@code rows}: gone from the source, written by the run before, MIRROR. */
  static List<Classification> gone(List<MappedRecord> rows) {
    Classifier classifier = new Classifier(SyncMode.MIRROR, WriterFixture.DIGESTER, 2);
    return rows.stream().map(r -> classifier.classify(r.key(), List.of(),
        SnapshotEntry.written(r.key(), WriterFixture.DIGESTER.digest(r), 1))).collect(Collectors.toList());
  }

  /** {@code rows} as the admin puts them: typed values. */
  static List<Map<String, Object>> stored(List<MappedRecord> rows) {
    return rows.stream().map(r -> Map.<String, Object>of("orderId", r.key(),
        "customerId", Long.parseLong(r.values().get("customerId")),
        "amount", new BigDecimal(r.values().get("amount")), "status", r.values().get("status")))
        .collect(Collectors.toList());
  }

  /** The emulator's table by key, every value as {@link #normalized} renders it. */
  static Map<String, Map<String, String>> table(ActitoEmulator emulator) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    emulator.admin().records("demo", "orders").forEach(r -> out.put((String) r.get("orderId"), normalized(r)));
    return out;
  }

  /** Values as strings; numbers without trailing zeros, so 1.50 and 1.5 compare equal. */
  static Map<String, String> normalized(Map<String, ?> values) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v instanceof BigDecimal || k.equals("amount")
        ? new BigDecimal(v.toString()).stripTrailingZeros().toPlainString() : v.toString()));
    return out;
  }

  @Test
  void tokenExpiryMidRunCausesNoFailure() {
    try (ActitoEmulator emulator = WriterFixture.emulator()
        .faults(FaultSettings.builder(7).tokenExpiryRate(0.1).build()).start()) {
      List<MappedRecord> rows = orders(40, "t-");
      PCollection<WriteOutcome> outcomes =
          write(beam.pipeline(), newKeys(SyncMode.UPSERT, rows), config(emulator, WriterFixture.KEY)
              .setConcurrency(1).build());
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
              .setRetryPolicy(WriterFixture.FAST_RETRIES)
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
