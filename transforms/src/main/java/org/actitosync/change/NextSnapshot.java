package org.actitosync.change;

import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Builds the next snapshot from the write {@link #OUTCOMES} ({@link NextEntries#forOutcome}: only
 * what Actito accepted moves an entry forward) and the entries of the keys that were not sent
 * ({@link #UNSENT}: unchanged, skipped, rejected; {@link NextEntries#forUnsent}, made where the
 * keys are classified). Deterministic, so a retried bundle yields the same entries.
 *
 * <p>The snapshot is the union of two parts, kept apart: first the entries of the keys sent, then
 * the entries of the keys not sent. Each part is written on its own ({@link
 * org.actitosync.snapshot.WriteSnapshot}), so the unsent part, usually almost every key and known
 * as soon as the keys are classified, is written while the changes are still being written to
 * Actito, instead of waiting for the last outcome behind a flatten.
 */
public final class NextSnapshot extends PTransform<PCollectionTuple, PCollectionList<SnapshotEntry>> {
  public static final TupleTag<WriteOutcome> OUTCOMES = new TupleTag<WriteOutcome>() {};
  public static final TupleTag<SnapshotEntry> UNSENT = new TupleTag<SnapshotEntry>() {};

  private final int runNumber;
  private final int attributeCount;

  private NextSnapshot(int runNumber, int attributeCount) {
    this.runNumber = runNumber;
    this.attributeCount = attributeCount;
  }

  /**
   * @param runNumber this run's number (for entries of keys that failed on their first write)
   * @param attributeCount the number of attributes in the current mapping layout
   */
  public static NextSnapshot of(int runNumber, int attributeCount) {
    return new NextSnapshot(runNumber, attributeCount);
  }

  public static PCollectionTuple input(
      PCollection<WriteOutcome> outcomes, PCollection<SnapshotEntry> unsent) {
    return PCollectionTuple.of(OUTCOMES, outcomes).and(UNSENT, unsent);
  }

  @Override
  public PCollectionList<SnapshotEntry> expand(PCollectionTuple input) {
    int run = runNumber;
    int attributes = attributeCount;
    PCollection<SnapshotEntry> fromOutcomes =
        input
            .get(OUTCOMES)
            .apply(
                "EntriesFromOutcomes",
                ParDo.of(
                    new DoFn<WriteOutcome, SnapshotEntry>() {
                      @ProcessElement
                      public void process(@Element WriteOutcome o, OutputReceiver<SnapshotEntry> out) {
                        SnapshotEntry entry = NextEntries.forOutcome(o, run, attributes);
                        if (entry != null) {
                          out.output(entry);
                        }
                      }
                    }))
            .setCoder(SnapshotEntryCoder.of());
    return PCollectionList.of(fromOutcomes).and(input.get(UNSENT));
  }
}
