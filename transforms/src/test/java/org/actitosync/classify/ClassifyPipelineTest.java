package org.actitosync.classify;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.coders.LayoutRecordCoder;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.Fixtures;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Classify's outputs, including its counts and the dry run's variant without unsent keys. */
class ClassifyPipelineTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);

  static final List<MappedRecord> ROWS =
      List.of(
          order("a", 10, true), // unchanged
          order("b", 21, true), // changed
          order("c", 30, true), // new
          order("d", 40, true), // duplicate key
          order("d", 41, true),
          order("..", 60, true)); // unaddressable key

  static final List<SnapshotEntry> PREVIOUS =
      List.of(
          SnapshotEntry.written("a", DIGESTER.digest(order("a", 10, true)), 1),
          SnapshotEntry.written("b", DIGESTER.digest(order("b", 20, true)), 1),
          SnapshotEntry.written("e", DIGESTER.digest(order("e", 50, true)), 1)); // gone

  @Test
  void everyKeyInOneOutputAndTheRowsAndKeysCounted() {
    PCollectionTuple out = classify(Classify.with(classifier()));
    PAssert.that(render(out.get(Classify.CHANGES)))
        .containsInAnyOrder("INSERT c [amount, orderId, paid, placedAt]", "UPDATE b [amount]", "DELETE e");
    // the unchanged key's entry (run 1, re-stamped), the rejected keys' unknown entries counting a failure
    PAssert.that(renderEntries(out.get(Classify.UNSENT_ENTRIES)))
        .containsInAnyOrder("a owned fails=0 run=1", "d unowned fails=1 run=2", ".. unowned fails=1 run=2");
    PAssert.that(render(out.get(Classify.REJECTED))).containsInAnyOrder("REJECTED d DUPLICATE_KEY", "REJECTED .. UNADDRESSABLE_KEY");
    assertCounts(out);
    beam.pipeline().run().waitUntilFinish();
  }

  /**
   * The unsent keys leave the classification in batches ({@link EntryBatch}): with more of them than
   * a batch holds, every key's entry still comes out once, and is counted once.
   */
  @Test
  void manyUnsentKeysComeOutOnceEachAcrossBatches() {
    int batch = 7;
    int n = 2 * batch * 3 + 5; // batches of 7 (1,000 in a job): several per bundle, and a partial one
    List<MappedRecord> rows = new java.util.ArrayList<>();
    List<SnapshotEntry> previous = new java.util.ArrayList<>();
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      MappedRecord row = order("u" + i, i, true);
      rows.add(row);
      previous.add(SnapshotEntry.written("u" + i, DIGESTER.digest(row), 1));
      expected.add("u" + i + " owned fails=0 run=1");
    }
    PCollectionTuple out =
        Classify.input(
                beam.pipeline().apply("Rows", Create.of(rows).withCoder(LayoutRecordCoder.of(LAYOUT))),
                beam.pipeline().apply("Previous", Create.of(previous).withCoder(SnapshotEntryCoder.of())))
            .apply(Classify.with(classifier()).withUnsentBatchSize(batch));
    PAssert.that(renderEntries(out.get(Classify.UNSENT_ENTRIES)))
        .satisfies(
            entries -> {
              List<String> sorted = new java.util.ArrayList<>();
              entries.forEach(sorted::add);
              java.util.Collections.sort(sorted);
              java.util.Collections.sort(expected);
              assertEquals(expected, sorted); // each once
              return null;
            });
    PAssert.that(out.get(Classify.CHANGES)).empty();
    PAssert.that(out.get(Classify.COUNTS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of("rows", (long) n),
            KV.of("classified.UNCHANGED", (long) n),
            KV.of("entries", (long) n),
            KV.of("entries.owned", (long) n));
    beam.pipeline().run().waitUntilFinish();
  }

  @Test
  void aPlanHoldsOnlyTheChangesAndTheRejectedKeys() {
    PCollectionTuple out = classify(Classify.with(classifier()).forPlan());
    PAssert.that(render(out.get(Classify.CHANGES)))
        .containsInAnyOrder("INSERT c [amount, orderId, paid, placedAt]", "UPDATE b [amount]", "DELETE e");
    PAssert.that(render(out.get(Classify.REJECTED))).containsInAnyOrder("REJECTED d DUPLICATE_KEY", "REJECTED .. UNADDRESSABLE_KEY");
    // no output without a consumer in a dry run: on Flink batch each would be a task and a discarding sink
    assertEquals(java.util.Set.of(Classify.CHANGES, Classify.REJECTED), out.getAll().keySet());
    beam.pipeline().run().waitUntilFinish();
  }

  private static Classifier classifier() {
    return new Classifier(SyncMode.MIRROR, DIGESTER, 2);
  }

  private PCollectionTuple classify(Classify classify) {
    PCollection<MappedRecord> rows =
        beam.pipeline().apply("Rows", Create.of(ROWS).withCoder(LayoutRecordCoder.of(LAYOUT)));
    PCollection<SnapshotEntry> previous =
        beam.pipeline().apply("Previous", Create.of(PREVIOUS).withCoder(SnapshotEntryCoder.of()));
    return Classify.input(rows, previous).apply(classify);
  }

  private static void assertCounts(PCollectionTuple out) {
    PAssert.that(out.get(Classify.COUNTS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of("rows", 6L),
            KV.of("classified.INSERT", 1L),
            KV.of("classified.UPDATE", 1L),
            KV.of("classified.DELETE", 1L),
            KV.of("classified.UNCHANGED", 1L),
            KV.of("classified.REJECTED", 2L),
            KV.of("rejected.DUPLICATE_KEY", 1L),
            KV.of("rejected.UNADDRESSABLE_KEY", 1L),
            // the unsent keys' entries (UNSENT_ENTRIES), counted where they are made
            KV.of("entries", 3L),
            KV.of("entries.owned", 1L),
            KV.of("failStreak.1", 2L));
  }

  private static PCollection<String> renderEntries(PCollection<SnapshotEntry> entries) {
    return entries.apply(
        "Render" + entries.getName(), MapElements.into(TypeDescriptors.strings()).via(Fixtures::render));
  }

  private static PCollection<String> render(PCollection<Classification> classifications) {
    return classifications.apply(
        "Render" + classifications.getName(),
        MapElements.into(TypeDescriptors.strings()).via(Fixtures::render));
  }
}
