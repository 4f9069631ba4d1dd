package org.actitosync.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.SyncMode;
import org.junit.jupiter.api.Test;

/** A profile's outcome as the reason of the rows that needed it (pure). */
class ProfileOutcomeTest {
  private static final Classification CHANGE = WriterFixture.newKeys(SyncMode.UPSERT,
      List.of(WriterFixture.order("o-1", 3, "1", "NEW"))).get(0);

  @Test
  void aRefusalRejectsTheRowAndATransientFailureFailsIt() {
    ProfileOutcome refused = ProfileOutcome.notCreated(true, 400, "customerId", "3", "not an e-mail address");
    WriteOutcome rejected = refused.rowOutcome(CHANGE);
    assertEquals(OutcomeStatus.REJECTED, rejected.status());
    assertEquals(400, rejected.httpStatus());
    assertEquals("profile customerId=3 could not be created: not an e-mail address", rejected.message());
    assertEquals(0, rejected.attempts());

    WriteOutcome failed = ProfileOutcome.notCreated(false, 503, "customerId", "3", "down").rowOutcome(CHANGE);
    assertEquals(OutcomeStatus.FAILED, failed.status());
    assertFalse(refused.ensured());
  }

  @Test
  void anEnsuredProfileIsNoRowsReason() {
    assertTrue(ProfileOutcome.created(200).ensured());
    assertTrue(ProfileOutcome.existing().ensured());
    assertThrows(IllegalStateException.class, () -> ProfileOutcome.existing().rowOutcome(CHANGE));
  }
}
