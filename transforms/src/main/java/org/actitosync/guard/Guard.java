package org.actitosync.guard;

import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.coders.ClassificationCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Stands between the classified changes and the writer: counts the run's plan (rows read, deletes,
 * updates) into side inputs, checks them once with {@link GuardPolicy}, and holds the changes
 * ({@link org.apache.beam.sdk.transforms.Wait#on}) until the check passed; a refusal fails the
 * pipeline with {@link GuardRefusedException}. So a refused run writes nothing and commits nothing,
 * and a run with no change at all (an empty source) is checked too.
 */
public final class Guard extends PTransform<PCollection<Classification>, PCollection<Classification>> {
  private final GuardPolicy policy;
  private final long snapshotKeys;
  private final boolean mappingChanged;
  private final PCollection<KV<String, Long>> classifyCounts;

  private Guard(GuardPolicy policy, long snapshotKeys, boolean mappingChanged, PCollection<KV<String, Long>> classifyCounts) {
    this.policy = policy;
    this.snapshotKeys = snapshotKeys;
    this.mappingChanged = mappingChanged;
    this.classifyCounts = classifyCounts;
  }

  /**
   * @param snapshotKeys keys this activation wrote, in the base snapshot
   * @param classifyCounts {@link org.actitosync.classify.Classify#COUNTS}, whose source rows the
   *     shrink guard compares with the snapshot's keys
   */
  public static Guard of(GuardPolicy policy, long snapshotKeys, boolean mappingChanged, PCollection<KV<String, Long>> classifyCounts) {
    return new Guard(policy, snapshotKeys, mappingChanged, classifyCounts);
  }

  @Override
  public PCollection<Classification> expand(PCollection<Classification> changes) {
    PCollectionView<Long> rowsRead =
        classifyCounts
            .apply("RowCounts", Filter.by(count -> org.actitosync.classify.Classify.ROWS_LABEL.equals(count.getKey())))
            .apply("Values", Values.create())
            .apply("CountRows", Sum.longsGlobally().withoutDefaults())
            .setCoder(VarLongCoder.of())
            .apply("RowsView", View.<Long>asSingleton().withDefaultValue(0L));
    PCollectionView<Long> deletes = count(changes, ChangeKind.DELETE, "Deletes");
    PCollectionView<Long> updates = count(changes, ChangeKind.UPDATE, "Updates");
    // Checked once, on a single element, so that a run with no change at all (an empty source) is
    // checked too; the changes wait for the check.
    PCollection<Integer> checked =
        changes.getPipeline()
            .apply("GuardTrigger", org.apache.beam.sdk.transforms.Create.of(1))
            .apply("CheckGuards", ParDo.of(new CheckFn(policy, snapshotKeys, mappingChanged, rowsRead, deletes, updates))
                .withSideInputs(rowsRead, deletes, updates));
    return changes.apply("AfterGuards", org.apache.beam.sdk.transforms.Wait.on(checked))
        .setCoder(ClassificationCoder.of());
  }

  /** Checks the plan; throws {@link GuardRefusedException} on a refusal. */
  private static final class CheckFn extends DoFn<Integer, Integer> {
    private final GuardPolicy policy;
    private final long snapshotKeys;
    private final boolean mappingChanged;
    private final PCollectionView<Long> rowsRead;
    private final PCollectionView<Long> deletes;
    private final PCollectionView<Long> updates;

    CheckFn(GuardPolicy policy, long snapshotKeys, boolean mappingChanged, PCollectionView<Long> rowsRead,
        PCollectionView<Long> deletes, PCollectionView<Long> updates) {
      this.policy = policy;
      this.snapshotKeys = snapshotKeys;
      this.mappingChanged = mappingChanged;
      this.rowsRead = rowsRead;
      this.deletes = deletes;
      this.updates = updates;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      java.util.List<String> refusals = policy.refusals(GuardPolicy.Plan.of(
          snapshotKeys, c.sideInput(rowsRead), c.sideInput(deletes), c.sideInput(updates), mappingChanged));
      if (!refusals.isEmpty()) {
        throw new GuardRefusedException(refusals);
      }
      c.output(c.element());
    }
  }

  private static PCollectionView<Long> count(PCollection<Classification> changes, ChangeKind kind, String name) {
    return changes
        .apply("Only" + name, Filter.by(c -> c.kind() == kind))
        .apply("Ones" + name, org.apache.beam.sdk.transforms.MapElements.into(TypeDescriptors.longs()).via(c -> 1L))
        .apply("Count" + name, Sum.longsGlobally().withoutDefaults())
        .apply(name + "View", View.<Long>asSingleton().withDefaultValue(0L));
  }
}
