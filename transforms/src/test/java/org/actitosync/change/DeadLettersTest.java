package org.actitosync.change;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.RecordDigester;
import org.actitosync.testing.WriteOutcomes;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  static final Classifier CLASSIFIER = new Classifier(SyncMode.MIRROR, new RecordDigester(LAYOUT), 1);

  @Test
  void aRejectedRowNamesItsKeyRuleAndInvalidAttribute() {
    Classification rejected = CLASSIFIER.classify("k", List.of(order("k", "ten", true)), null);
    assertEquals(
        "{\"key\":\"k\",\"operation\":\"NONE\",\"runId\":\"r1\",\"outcome\":\"REJECTED\","
            + "\"rule\":\"INVALID_VALUE\",\"reason\":\"amount: 'ten' is not a number value\",\"rows\":1,"
            + "\"attempts\":0,\"invalid\":{\"amount\":\"'ten' is not a number value\"}}",
        DeadLetters.of(rejected, "r1"));
  }

  @Test
  void onlyRefusedOrFailedWritesAreDeadLettered() {
    Classification insert = CLASSIFIER.classify("k", List.of(order("k", 1, true)), null);
    assertNull(DeadLetters.of(WriteOutcomes.outcome(insert, OutcomeStatus.APPLIED), "r1"));
    assertNull(DeadLetters.of(WriteOutcomes.outcome(insert, OutcomeStatus.SKIPPED_EXISTS), "r1"));
    assertEquals(
        "{\"key\":\"k\",\"operation\":\"INSERT\",\"runId\":\"r1\",\"outcome\":\"FAILED\","
            + "\"reason\":\"failed after retries\",\"httpStatus\":503,\"actitoMessage\":\"stand-in failure\",\"attempts\":6}",
        DeadLetters.of(WriteOutcomes.outcome(insert, OutcomeStatus.FAILED), "r1"));
  }
}
