package org.actitosync.testing;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.coders.WriteOutcomeCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Test-only stand-in for the Actito writer: every change is APPLIED unless its key is given another
 * status. It writes nothing anywhere.
 */
public final class WriteOutcomes
    extends PTransform<PCollection<Classification>, PCollection<WriteOutcome>> {
  private final Map<String, OutcomeStatus> statusByKey;

  private WriteOutcomes(Map<String, OutcomeStatus> statusByKey) {
    this.statusByKey = statusByKey;
  }

  public static WriteOutcomes applyAll() {
    return new WriteOutcomes(Collections.emptyMap());
  }

  public static WriteOutcomes with(Map<String, OutcomeStatus> statusByKey) {
    return new WriteOutcomes(new HashMap<>(statusByKey));
  }

  public static WriteOutcome outcome(Classification change, OutcomeStatus status) {
    switch (status) {
      case APPLIED:
        return WriteOutcome.applied(change);
      case REJECTED:
        return WriteOutcome.of(change, status, 400, "stand-in rejection", 1);
      case FAILED:
        return WriteOutcome.of(change, status, 503, "stand-in failure", 6);
      default:
        return WriteOutcome.of(change, status, 404, "stand-in " + status, 1);
    }
  }

  @Override
  public PCollection<WriteOutcome> expand(PCollection<Classification> changes) {
    Map<String, OutcomeStatus> statuses = statusByKey;
    return changes
        .apply(
            "StandInOutcomes",
            MapElements.into(TypeDescriptor.of(WriteOutcome.class))
                .via(c -> outcome(c, statuses.getOrDefault(c.key(), OutcomeStatus.APPLIED))))
        .setCoder(WriteOutcomeCoder.of());
  }
}
