package org.actitosync.change;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.WriteOutcomes;
import org.junit.jupiter.api.Test;

class NextEntriesTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final SnapshotEntry OWNED = SnapshotEntry.written("k", DIGESTER.digest(order("k", 1, true)), 1);

  static Classification change(SyncMode mode, SnapshotEntry previous, boolean present) {
    return new Classifier(mode, DIGESTER, 2)
        .classify("k", present ? List.of(order("k", 2, true)) : Collections.emptyList(), previous);
  }

  @Test
  void appliedTakesTheNextEntry() {
    Classification update = change(SyncMode.UPSERT, OWNED, true);
    assertEquals(update.nextEntry(), NextEntries.forOutcome(WriteOutcomes.outcome(update, OutcomeStatus.APPLIED), 2, 4));
    Classification delete = change(SyncMode.MIRROR, OWNED, false);
    assertNull(NextEntries.forOutcome(WriteOutcomes.outcome(delete, OutcomeStatus.APPLIED), 2, 4));
  }

  @Test
  void rejectedOrFailedKeepsThePreviousEntryAndCountsTheFailure() {
    for (OutcomeStatus status : new OutcomeStatus[] {OutcomeStatus.REJECTED, OutcomeStatus.FAILED}) {
      Classification update = change(SyncMode.UPSERT, OWNED, true);
      assertEquals(OWNED.withOneMoreFailure(), NextEntries.forOutcome(WriteOutcomes.outcome(update, status), 2, 4));
      Classification delete = change(SyncMode.MIRROR, OWNED, false);
      assertEquals(OWNED.withOneMoreFailure(), NextEntries.forOutcome(WriteOutcomes.outcome(delete, status), 2, 4));
      Classification insert = change(SyncMode.UPSERT, null, true);
      SnapshotEntry placeholder = NextEntries.forOutcome(WriteOutcomes.outcome(insert, status), 2, 4);
      assertEquals(SnapshotEntry.unknown("k", 4, 2, 1), placeholder);
    }
  }

  @Test
  void skippedMissingIsRememberedUnowned() {
    Classification update = change(SyncMode.UPDATE, null, true);
    SnapshotEntry next = NextEntries.forOutcome(WriteOutcomes.outcome(update, OutcomeStatus.SKIPPED_MISSING), 2, 4);
    assertEquals(org.actitosync.snapshot.EntryState.ABSENT, next.state());
    Classification create = change(SyncMode.INSERT, null, true);
    assertEquals(org.actitosync.snapshot.EntryState.FOREIGN,
        NextEntries.forOutcome(WriteOutcomes.outcome(create, OutcomeStatus.SKIPPED_EXISTS), 2, 4).state());
    assertFalse(next.owned());
    assertEquals(update.nextEntry().rowDigest(), next.rowDigest());
  }

  @Test
  void unsentKeysKeepTheirClassificationsEntry() {
    Classification unchanged =
        new Classifier(SyncMode.UPSERT, DIGESTER, 2).classify("k", List.of(order("k", 1, true)), OWNED);
    assertEquals(OWNED, NextEntries.forUnsent(unchanged));
    assertThrows(IllegalArgumentException.class, () -> NextEntries.forUnsent(change(SyncMode.UPSERT, OWNED, true)));
  }
}
