package org.actitosync.write;

import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Holds back the changes whose profile could not be ensured: such a change is not sent (Actito
 * would only refuse it for the missing profile) and gets the profile's reason as its outcome
 * (see {@link ProfileOutcome#rowOutcome}); every other change passes. The side input holds only
 * the profiles that were not ensured, keyed by link value, and is complete before the first
 * change is judged, so no record call starts before every profile of the run was handled.
 */
final class ProfileGate extends DoFn<Classification, Classification> {
  static final TupleTag<Classification> PASSED = new TupleTag<Classification>() {};
  static final TupleTag<WriteOutcome> HELD = new TupleTag<WriteOutcome>() {};

  private final WriterConfig config;
  private final PCollectionView<Map<String, ProfileOutcome>> notEnsured;

  ProfileGate(WriterConfig config, PCollectionView<Map<String, ProfileOutcome>> notEnsured) {
    this.config = config;
    this.notEnsured = notEnsured;
  }

  @ProcessElement
  public void process(ProcessContext context) {
    Classification change = context.element();
    Map<String, ProfileOutcome> failed = context.sideInput(notEnsured);
    ProfileOutcome profile = null;
    if (!failed.isEmpty() && (change.kind() == ChangeKind.INSERT || change.kind() == ChangeKind.UPDATE)) {
      String link = ProfileRefs.linkValue(change, config.profiles(), config);
      profile = link == null ? null : failed.get(link);
    }
    if (profile == null) {
      context.output(change);
    } else {
      WriteOutcome outcome = profile.rowOutcome(change);
      WriterMetrics.outcome(outcome);
      context.output(HELD, outcome);
    }
  }
}
