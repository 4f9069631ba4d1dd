package org.actitosync.coders;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;

import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotAvro;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.WriteOutcomes;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class CodersTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final SnapshotEntry ENTRY =
      SnapshotEntry.create("k é/=", -5L, new int[] {0, 1, -7, Integer.MAX_VALUE}, 300, 2, EntryState.FOREIGN);

  @Test
  void everyCoderRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(MappedRecordCoder.of(), order("k", "1.5", true));
    CoderProperties.coderDecodeEncodeEqual(MappedRecordCoder.of(), order(null, "x", null));
    CoderProperties.coderDecodeEncodeEqual(SnapshotEntryCoder.of(), ENTRY);
    Classifier classifier = new Classifier(SyncMode.MIRROR, DIGESTER, 3);
    SnapshotEntry owned = SnapshotEntry.written("k", DIGESTER.digest(order("k", 1, true)), 1);
    for (Classification c :
        List.of(
            classifier.classify("k", List.of(order("k", 2, true)), owned),
            classifier.classify("k", List.of(), owned),
            classifier.classify("k", List.of(order("k", 2, true), order("k", 3, true)), owned),
            classifier.classify("n", List.of(order("n", 2, null)), null))) {
      CoderProperties.coderDecodeEncodeEqual(ClassificationCoder.of(), c);
      if (c.kind().isChange()) {
        CoderProperties.coderDecodeEncodeEqual(
            WriteOutcomeCoder.of(), WriteOutcomes.outcome(c, OutcomeStatus.REJECTED));
      }
    }
  }

  @Test
  void avroFormRoundTrips() {
    org.junit.jupiter.api.Assertions.assertEquals(ENTRY, SnapshotAvro.fromAvro(SnapshotAvro.toAvro(ENTRY)));
  }
}
