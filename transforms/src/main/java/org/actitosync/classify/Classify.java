package org.actitosync.classify;

import org.actitosync.change.Classification;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.coders.MappedRecordCoder;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Joins the current mapped rows ({@link #ROWS}) with the previous snapshot's entries ({@link
 * #PREVIOUS}) by key with CoGroupByKey and classifies every key with a {@link Classifier}.
 *
 * <p>Outputs, each key in exactly one: {@link #CHANGES} (INSERT, UPDATE, DELETE), {@link
 * #UNCHANGED}, {@link #SKIPPED} and {@link #REJECTED}. Deterministic: a retried bundle produces the
 * same classifications. Counts per kind are reported as Beam counters in namespace {@code
 * actito-sync}.
 */
public final class Classify extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<MappedRecord> ROWS = new TupleTag<MappedRecord>() {};
  public static final TupleTag<SnapshotEntry> PREVIOUS = new TupleTag<SnapshotEntry>() {};

  public static final TupleTag<Classification> CHANGES = new TupleTag<Classification>() {};
  public static final TupleTag<Classification> UNCHANGED = new TupleTag<Classification>() {};
  public static final TupleTag<Classification> SKIPPED = new TupleTag<Classification>() {};
  public static final TupleTag<Classification> REJECTED = new TupleTag<Classification>() {};

  private final Classifier classifier;

  private Classify(Classifier classifier) {
    this.classifier = classifier;
  }

  public static Classify with(Classifier classifier) {
    return new Classify(classifier);
  }

  /** Convenience: the input tuple from the current rows and the previous entries. */
  public static PCollectionTuple input(
      PCollection<MappedRecord> rows, PCollection<SnapshotEntry> previous) {
    return PCollectionTuple.of(ROWS, rows).and(PREVIOUS, previous);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    TupleTag<MappedRecord> rowsTag = new TupleTag<>();
    TupleTag<SnapshotEntry> previousTag = new TupleTag<>();
    PCollection<KV<String, MappedRecord>> rows =
        input
            .get(ROWS)
            .apply(
                "KeyRows",
                WithKeys.<String, MappedRecord>of(r -> r.key() == null ? "" : r.key())
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), MappedRecordCoder.of()));
    PCollection<KV<String, SnapshotEntry>> previous =
        input
            .get(PREVIOUS)
            .apply(
                "KeyEntries",
                WithKeys.<String, SnapshotEntry>of(SnapshotEntry::key)
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SnapshotEntryCoder.of()));
    PCollectionTuple out =
        KeyedPCollectionTuple.of(rowsTag, rows)
            .and(previousTag, previous)
            .apply("JoinByKey", CoGroupByKey.create())
            .apply(
                "ClassifyKeys",
                ParDo.of(new ClassifyFn(classifier, rowsTag, previousTag))
                    .withOutputTags(CHANGES, TupleTagList.of(UNCHANGED).and(SKIPPED).and(REJECTED)));
    for (TupleTag<Classification> tag : java.util.Arrays.asList(CHANGES, UNCHANGED, SKIPPED, REJECTED)) {
      out.get(tag).setCoder(ClassificationCoder.of());
    }
    return out;
  }

  private static final class ClassifyFn extends DoFn<KV<String, CoGbkResult>, Classification> {
    private final Classifier classifier;
    private final TupleTag<MappedRecord> rowsTag;
    private final TupleTag<SnapshotEntry> previousTag;
    private final Counter[] counters = new Counter[org.actitosync.change.ChangeKind.values().length];

    ClassifyFn(
        Classifier classifier, TupleTag<MappedRecord> rowsTag, TupleTag<SnapshotEntry> previousTag) {
      this.classifier = classifier;
      this.rowsTag = rowsTag;
      this.previousTag = previousTag;
      for (org.actitosync.change.ChangeKind kind : org.actitosync.change.ChangeKind.values()) {
        counters[kind.ordinal()] = Metrics.counter("actito-sync", "classified_" + kind);
      }
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      SnapshotEntry previous = null;
      for (SnapshotEntry entry : joined.getValue().getAll(previousTag)) {
        if (previous != null) {
          throw new IllegalStateException("snapshot holds key " + joined.getKey() + " twice");
        }
        previous = entry;
      }
      Classification c =
          classifier.classify(joined.getKey(), joined.getValue().getAll(rowsTag), previous);
      counters[c.kind().ordinal()].inc();
      if (c.kind() == org.actitosync.change.ChangeKind.REJECTED && c.rule() != null) {
        Metrics.counter("actito-sync", "rejected_" + c.rule()).inc();
      }
      switch (c.kind()) {
        case INSERT:
        case UPDATE:
        case DELETE:
          out.get(CHANGES).output(c);
          break;
        case UNCHANGED:
          out.get(UNCHANGED).output(c);
          break;
        case SKIPPED:
          out.get(SKIPPED).output(c);
          break;
        default:
          out.get(REJECTED).output(c);
      }
    }
  }
}
