package org.actitosync.sync;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.actitosync.coders.MappedRecordCoder;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.testing.Fixtures;
import org.actitosync.testing.TestPipelineExtension;
import org.actitosync.testing.WriteOutcomes;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole diff core as a Beam graph on the DirectRunner: every output asserted with PAssert, over
 * two runs (the second reads the snapshot the first committed).
 */
class SyncRunPipelineTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @TempDir Path root;

  static final List<MappedRecord> RUN1 =
      List.of(
          order("a", 10, true),
          order("b", 20, false),
          order("c", 30, true),
          order("g", 70, true),
          order("d", 40, true),
          order("d", 41, true),
          order(null, 1, true),
          order("e", "not a number", true));

  static final List<MappedRecord> RUN2 =
      List.of(
          order("a", "10.50", true), // amount changed
          order("b", 20, false), // rejected in run 1: sent again
          // c gone: deleted (MIRROR)
          order("g", 70.0, "true"), // same values, other types: unchanged
          order("d", 40, true), // duplicate resolved
          order("e", "still not a number", true),
          order("f", 60, false));

  @Test
  void firstRunClassifiesWritesAndCommitsOnlyWhatWasAccepted() {
    firstRun(beam.pipeline(), root);
  }

  /** A dry run's transform: the same classification, only the changes and rejections emitted, nothing committed. */
  @Test
  void aPlanClassifiesLikeTheRunAndCommitsNothing() {
    Pipeline pipeline = beam.pipeline();
    SnapshotStore store = new SnapshotStore(root.toString(), "orders");
    org.apache.beam.sdk.values.PCollectionTuple plan = pipeline
        .apply("Source", Create.of(RUN1).withCoder(MappedRecordCoder.of()))
        .apply("Plan", SyncRun.plan(SyncRun.Spec.of(store, "run-1", null, LAYOUT, SyncMode.MIRROR, 5)));
    PAssert.that(render(plan.get(org.actitosync.classify.Classify.CHANGES)))
        .containsInAnyOrder(
            "INSERT a [amount, orderId, paid, placedAt]",
            "INSERT b [amount, orderId, paid, placedAt]",
            "INSERT c [amount, orderId, paid, placedAt]",
            "INSERT g [amount, orderId, paid, placedAt]");
    PAssert.that(render(plan.get(org.actitosync.classify.Classify.REJECTED)))
        .containsInAnyOrder("REJECTED  NULL_KEY", "REJECTED d DUPLICATE_KEY", "REJECTED e INVALID_VALUE");
    pipeline.run().waitUntilFinish();
    assertEquals(java.util.Optional.empty(), store.currentRun());
  }

  @Test
  void secondRunRetriesRejectionsDeletesGoneKeysAndKeepsFailedEntries() {
    secondRun(beam.pipeline(), root, "--runner=DirectRunner");
  }

  @Test
  void aRunThatFailsBeforeItsCommitLeavesTheSnapshotUntouched() {
    SnapshotStore store = new SnapshotStore(root.toString(), "orders");
    Pipeline first = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    run(first, RUN1, SyncRun.Spec.of(store, "run-1", null, LAYOUT, SyncMode.MIRROR, 5), Map.of());
    first.run().waitUntilFinish();

    Pipeline failing = beam.pipeline();
    PCollection<MappedRecord> source =
        failing.apply("Source", Create.of(RUN2).withCoder(MappedRecordCoder.of()));
    source.apply(SyncRun.of(
        SyncRun.Spec.of(store, "run-2", store.currentManifest().orElseThrow(), LAYOUT, SyncMode.MIRROR, 5),
        new FailingWriter()));
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> failing.run().waitUntilFinish());

    assertEquals("run-1", store.currentRun().orElseThrow());
    assertEquals(java.util.Optional.empty(), store.readManifest("run-2"));
  }

  /** A writer that dies mid-run, as a crashed worker would. */
  static final class FailingWriter
      extends org.apache.beam.sdk.transforms.PTransform<PCollection<Classification>, PCollection<WriteOutcome>> {
    @Override
    public PCollection<WriteOutcome> expand(PCollection<Classification> changes) {
      return changes.apply(
          MapElements.into(org.apache.beam.sdk.values.TypeDescriptor.of(WriteOutcome.class))
              .via(
                  c -> {
                    throw new IllegalStateException("writer crashed on " + c.key());
                  }));
    }
  }

  /** Run 1 on {@code pipeline} with every output asserted; runs it and checks the commit. */
  static void firstRun(Pipeline pipeline, Path root) {
    SnapshotStore store = new SnapshotStore(root.toString(), "orders");
    SyncRun.Spec spec = SyncRun.Spec.of(store, "run-1", null, LAYOUT, SyncMode.MIRROR, 5);
    SyncRun.Result result = run(pipeline, RUN1, spec, Map.of("b", OutcomeStatus.REJECTED));
    assertEquals(6, result.expand().size(), "every output is part of the result (a POutput)");

    PAssert.that(render(result.changes()))
        .containsInAnyOrder(
            "INSERT a [amount, orderId, paid, placedAt]",
            "INSERT b [amount, orderId, paid, placedAt]",
            "INSERT c [amount, orderId, paid, placedAt]",
            "INSERT g [amount, orderId, paid, placedAt]");
    PAssert.that(render(result.rejected()))
        .containsInAnyOrder("REJECTED  NULL_KEY", "REJECTED d DUPLICATE_KEY", "REJECTED e INVALID_VALUE");
    PAssert.that(renderEntries(result.unsentEntries(), "RenderUnsent"))
        .containsInAnyOrder("d unowned fails=1 run=1", "e unowned fails=1 run=1");
    PAssert.that(renderOutcomes(result.outcomes()))
        .containsInAnyOrder("APPLIED INSERT a", "REJECTED INSERT b", "APPLIED INSERT c", "APPLIED INSERT g");
    PAssert.that(renderEntries(result.sentEntries(), "RenderSent"))
        .containsInAnyOrder(
            "a owned fails=0 run=1", "b unowned fails=1 run=1", "c owned fails=0 run=1", "g owned fails=0 run=1");
    PAssert.that(renderEntries(whole(result.nextSnapshot())))
        .containsInAnyOrder(
            "a owned fails=0 run=1",
            "b unowned fails=1 run=1",
            "c owned fails=0 run=1",
            "g owned fails=0 run=1",
            "d unowned fails=1 run=1",
            "e unowned fails=1 run=1");
    PAssert.that(result.committed()).containsInAnyOrder("run-1");
    pipeline.run().waitUntilFinish();

    Manifest committed = store.currentManifest().orElseThrow();
    assertEquals("run-1", committed.runId());
    assertEquals(3L, committed.counts().get("outcome.APPLIED"));
    assertEquals(1L, committed.counts().get("outcome.REJECTED"));
    assertEquals(6L, committed.counts().get("entries"));
    assertEquals(3L, committed.counts().get("entries.owned"));
    assertEquals(8L, committed.counts().get("rows"));
    assertEquals(1L, committed.counts().get("rejected.DUPLICATE_KEY"));
    assertEquals(1L, committed.counts().get("rejected.NULL_KEY"));
    assertEquals(3L, committed.counts().get("failStreak.1"));
    // each part in its own Snappy files, all under the glob readers use (run 2 reads them back)
    assertEquals(
        List.of("part0", "part1"),
        entryFiles(root.resolve("orders/runs/run-1/entries")).keySet().stream().sorted().toList());
    assertEquals(List.of("snappy"), entryFiles(root.resolve("orders/runs/run-1/entries")).values().stream().distinct().toList());
  }

  /** The snapshot files of a run directory: their part (the name before the shard) → codec. */
  static Map<String, String> entryFiles(Path entries) {
    Map<String, String> parts = new java.util.TreeMap<>();
    try (var files = java.nio.file.Files.list(entries)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avro")).toList()) {
        try (var reader =
            new org.apache.avro.file.DataFileReader<>(
                file.toFile(), new org.apache.avro.generic.GenericDatumReader<Object>())) {
          parts.put(file.getFileName().toString().replaceAll("-\\d{5}-of-\\d{5}\\.avro$", ""),
              reader.getMetaString("avro.codec"));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return parts;
  }

  static PCollection<SnapshotEntry> whole(PCollectionList<SnapshotEntry> parts) {
    return parts.apply("WholeSnapshot", Flatten.pCollections());
  }

  /** Run 1 unasserted on a plain pipeline with {@code setupArgs}, then run 2 on {@code pipeline}. */
  static void secondRun(Pipeline pipeline, Path root, String... setupArgs) {
    SnapshotStore store = new SnapshotStore(root.toString(), "orders");
    Pipeline first = Pipeline.create(PipelineOptionsFactory.fromArgs(setupArgs).create());
    run(first, RUN1, SyncRun.Spec.of(store, "run-1", null, LAYOUT, SyncMode.MIRROR, 5),
        Map.of("b", OutcomeStatus.REJECTED));
    first.run().waitUntilFinish();

    Manifest base = store.currentManifest().orElseThrow();
    SyncRun.Spec spec = SyncRun.Spec.of(store, "run-2", base, LAYOUT, SyncMode.MIRROR, 5);
    SyncRun.Result result = run(pipeline, RUN2, spec, Map.of("f", OutcomeStatus.FAILED));

    PAssert.that(render(result.changes()))
        .containsInAnyOrder(
            "UPDATE a [amount]",
            "INSERT b [amount, orderId, paid, placedAt]",
            "DELETE c",
            "INSERT d [amount, orderId, paid, placedAt]",
            "INSERT f [amount, orderId, paid, placedAt]");
    // g unchanged (its run-1 entry), e rejected again (one more failure); nothing skipped in MIRROR
    PAssert.that(renderEntries(result.unsentEntries(), "RenderUnsent"))
        .containsInAnyOrder("g owned fails=0 run=1", "e unowned fails=2 run=1");
    PAssert.that(render(result.rejected())).containsInAnyOrder("REJECTED e INVALID_VALUE");
    PAssert.that(renderOutcomes(result.outcomes()))
        .containsInAnyOrder(
            "APPLIED UPDATE a", "APPLIED INSERT b", "APPLIED DELETE c", "APPLIED INSERT d",
            "FAILED INSERT f");
    PAssert.that(renderEntries(whole(result.nextSnapshot())))
        .containsInAnyOrder(
            "a owned fails=0 run=2",
            "b owned fails=0 run=2",
            "d owned fails=0 run=2",
            "e unowned fails=2 run=1",
            "f unowned fails=1 run=2",
            "g owned fails=0 run=1");
    PAssert.that(result.committed()).containsInAnyOrder("run-2");
    pipeline.run().waitUntilFinish();

    assertEquals("run-2", store.currentRun().orElseThrow());
    assertEquals("run-1", store.currentManifest().orElseThrow().baseRunId());
    assertEquals(1L, store.currentManifest().orElseThrow().counts().get("failStreak.1"));
    assertEquals(1L, store.currentManifest().orElseThrow().counts().get("failStreak.2"));
  }

  static SyncRun.Result run(
      Pipeline pipeline, List<MappedRecord> rows, SyncRun.Spec spec, Map<String, OutcomeStatus> outcomes) {
    PCollection<MappedRecord> source =
        pipeline.apply("Source", Create.of(rows).withCoder(MappedRecordCoder.of()));
    return source.apply("SyncRun", SyncRun.of(spec, WriteOutcomes.with(outcomes)));
  }

  static PCollection<String> render(PCollection<Classification> classified) {
    return classified.apply(
        "Render" + classified.getName(),
        MapElements.into(TypeDescriptors.strings()).via(Fixtures::render));
  }

  static PCollection<String> renderOutcomes(PCollection<WriteOutcome> outcomes) {
    return outcomes.apply(
        "RenderOutcomes", MapElements.into(TypeDescriptors.strings()).via(Fixtures::render));
  }

  static PCollection<String> renderEntries(PCollection<SnapshotEntry> entries) {
    return renderEntries(entries, "RenderEntries");
  }

  static PCollection<String> renderEntries(PCollection<SnapshotEntry> entries, String name) {
    return entries.apply(name, MapElements.into(TypeDescriptors.strings()).via(Fixtures::render));
  }
}
