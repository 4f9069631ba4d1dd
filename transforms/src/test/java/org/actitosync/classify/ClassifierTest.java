package org.actitosync.classify;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigest;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every cell of the sync-mode table of design.md section 3, and the rejection rules. */
class ClassifierTest {
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final MappedRecord ROW = order("k", 10, true);
  static final MappedRecord CHANGED = order("k", 11, true);
  static final SnapshotEntry OWNED = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1);

  static Classification classify(SyncMode mode, List<MappedRecord> rows, SnapshotEntry previous) {
    return new Classifier(mode, DIGESTER, 2).classify("k", rows, previous);
  }

  // --- new key (not in snapshot) ---

  @ParameterizedTest
  @EnumSource(value = SyncMode.class, names = {"INSERT", "UPSERT", "MIRROR"})
  void newKeyIsCreated(SyncMode mode) {
    Classification c = classify(mode, List.of(ROW), null);
    assertEquals(ChangeKind.INSERT, c.kind());
    assertEquals(mode.writeSemantics(), c.semantics());
    assertEquals(List.of("amount", "orderId", "paid", "placedAt"), c.changedAttributes());
    assertNull(c.previousEntry());
    assertEquals(SnapshotEntry.written("k", DIGESTER.digest(ROW), 2), c.nextEntry());
  }

  @Test
  void insertModeCreatesWithCreateOnlySemantics() {
    assertEquals(WriteSemantics.CREATE_ONLY, classify(SyncMode.INSERT, List.of(ROW), null).semantics());
    assertEquals(WriteSemantics.CREATE_OR_UPDATE, classify(SyncMode.MIRROR, List.of(ROW), null).semantics());
  }

  @Test
  void updateModeUpdatesANewKeyIfItExistsInActito() {
    Classification c = classify(SyncMode.UPDATE, List.of(ROW), null);
    assertEquals(ChangeKind.UPDATE, c.kind());
    assertEquals(WriteSemantics.UPDATE_ONLY, c.semantics());
    assertEquals(LAYOUT.names(), c.changedAttributes());
  }

  @Test
  void updateModeRemembersAMissingRecordAndDoesNotRetryItUntilItChanges() {
    SnapshotEntry remembered = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1).withState(EntryState.ABSENT);
    assertEquals(ChangeKind.UNCHANGED, classify(SyncMode.UPDATE, List.of(ROW), remembered).kind());
    Classification changed = classify(SyncMode.UPDATE, List.of(CHANGED), remembered);
    assertEquals(ChangeKind.UPDATE, changed.kind());
    // unowned: everything is sent, the destination's values are unknown to us
    assertEquals(LAYOUT.names(), changed.changedAttributes());
  }

  @Test
  void insertModeRemembersAnExistingRecordAndNeverTouchesIt() {
    SnapshotEntry remembered = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1).withState(EntryState.FOREIGN);
    assertEquals(ChangeKind.UNCHANGED, classify(SyncMode.INSERT, List.of(ROW), remembered).kind());
    Classification changed = classify(SyncMode.INSERT, List.of(CHANGED), remembered);
    assertEquals(ChangeKind.SKIPPED, changed.kind());
    assertEquals(Rules.INSERT_IGNORES_CHANGES, changed.rule());
  }

  @Test
  void insertModeCreatesAKeyThatUpdateModeFoundMissing() {
    SnapshotEntry absent = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1).withState(EntryState.ABSENT);
    assertEquals(ChangeKind.INSERT, classify(SyncMode.INSERT, List.of(ROW), absent).kind());
  }

  @Test
  void updateModeUpdatesARecordThatInsertModeFoundExisting() {
    SnapshotEntry foreign = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1).withState(EntryState.FOREIGN);
    Classification c = classify(SyncMode.UPDATE, List.of(ROW), foreign);
    assertEquals(ChangeKind.UPDATE, c.kind());
    assertEquals(LAYOUT.names(), c.changedAttributes());
  }

  @ParameterizedTest
  @EnumSource(value = SyncMode.class, names = {"UPSERT", "MIRROR"})
  void upsertAndMirrorTakeOverAKeyRememberedByAnotherMode(SyncMode mode) {
    for (EntryState state : new EntryState[] {EntryState.ABSENT, EntryState.FOREIGN, EntryState.PENDING}) {
      SnapshotEntry remembered = SnapshotEntry.written("k", DIGESTER.digest(ROW), 1).withState(state);
      assertEquals(ChangeKind.INSERT, classify(mode, List.of(ROW), remembered).kind(), state.name());
    }
  }

  // --- changed key ---

  @ParameterizedTest
  @EnumSource(value = SyncMode.class, names = {"UPDATE", "UPSERT", "MIRROR"})
  void changedKeyIsUpdatedWithOnlyTheChangedAttributes(SyncMode mode) {
    Classification c = classify(mode, List.of(CHANGED), OWNED);
    assertEquals(ChangeKind.UPDATE, c.kind());
    assertEquals(List.of("amount"), c.changedAttributes());
    assertEquals(mode.writeSemantics(), c.semantics());
    assertSame(OWNED, c.previousEntry());
    assertEquals(SnapshotEntry.written("k", DIGESTER.digest(CHANGED), 2), c.nextEntry());
    assertEquals("11", c.values().get("amount"));
  }

  @Test
  void insertModeNeverModifiesAnExistingRecord() {
    Classification c = classify(SyncMode.INSERT, List.of(CHANGED), OWNED);
    assertEquals(ChangeKind.SKIPPED, c.kind());
    assertEquals(Rules.INSERT_IGNORES_CHANGES, c.rule());
    assertSame(OWNED, c.nextEntry(), "the previous entry is kept so a later UPSERT sends it");
  }

  // --- unchanged key ---

  @ParameterizedTest
  @EnumSource(SyncMode.class)
  void unchangedKeyIsUnchangedInEveryMode(SyncMode mode) {
    Classification c = classify(mode, List.of(order("k", "10.0", "yes")), OWNED);
    assertEquals(ChangeKind.UNCHANGED, c.kind());
    assertEquals(OWNED, c.nextEntry());
  }

  // --- key gone from the source ---

  @Test
  void mirrorDeletesAGoneKeyItWrote() {
    Classification c = classify(SyncMode.MIRROR, Collections.emptyList(), OWNED);
    assertEquals(ChangeKind.DELETE, c.kind());
    assertEquals(WriteSemantics.DELETE, c.semantics());
    assertSame(OWNED, c.previousEntry());
    assertNull(c.nextEntry());
  }

  @ParameterizedTest
  @EnumSource(value = SyncMode.class, names = {"INSERT", "UPDATE", "UPSERT"})
  void otherModesIgnoreAGoneKeyAndKeepItInTheSnapshot(SyncMode mode) {
    Classification c = classify(mode, Collections.emptyList(), OWNED);
    assertEquals(ChangeKind.SKIPPED, c.kind());
    assertEquals(Rules.MODE_KEEPS_GONE_KEYS, c.rule());
    assertSame(OWNED, c.nextEntry());
  }

  @ParameterizedTest
  @EnumSource(SyncMode.class)
  void aGoneKeyThisActivationNeverWroteIsNeverDeleted(SyncMode mode) {
    for (EntryState state : new EntryState[] {EntryState.ABSENT, EntryState.FOREIGN, EntryState.PENDING}) {
      Classification c = classify(mode, Collections.emptyList(), OWNED.withState(state));
      assertEquals(ChangeKind.SKIPPED, c.kind());
      assertEquals(Rules.GONE_NEVER_WRITTEN, c.rule());
      assertNull(c.nextEntry());
    }
  }

  // --- rejections ---

  @ParameterizedTest
  @EnumSource(SyncMode.class)
  void duplicateKeyRejectsEveryRowKeepsThePreviousEntryAndIsNeverDeleted(SyncMode mode) {
    Classification c = classify(mode, List.of(ROW, CHANGED, ROW), OWNED);
    assertEquals(ChangeKind.REJECTED, c.kind());
    assertEquals(Rules.DUPLICATE_KEY, c.rule());
    assertEquals(3, c.rejectedRows().size());
    assertEquals(OWNED.withOneMoreFailure(), c.nextEntry());
    assertEquals(0, c.changedAttributes().size());
  }

  @Test
  void duplicateNewKeyIsRememberedAsFailingNotOwned() {
    Classification c = classify(SyncMode.MIRROR, List.of(ROW, ROW), null);
    assertEquals(ChangeKind.REJECTED, c.kind());
    assertEquals(EntryState.PENDING, c.nextEntry().state());
    assertEquals(1, c.nextEntry().failStreak());
  }

  @Test
  void nullOrEmptyKeyIsRejected() {
    Classifier classifier = new Classifier(SyncMode.MIRROR, DIGESTER, 2);
    Classification c = classifier.classify(null, List.of(order(null, 1, true), order("", 2, true)), null);
    assertEquals(ChangeKind.REJECTED, c.kind());
    assertEquals(Rules.NULL_KEY, c.rule());
    assertEquals(2, c.rejectedRows().size());
    assertNull(c.nextEntry());
  }

  @Test
  void invalidValueIsRejectedWithTheAttributeAndReason() {
    Classification c = classify(SyncMode.UPSERT, List.of(order("k", "ten", true)), OWNED);
    assertEquals(ChangeKind.REJECTED, c.kind());
    assertEquals(Rules.INVALID_VALUE, c.rule());
    assertEquals("amount: 'ten' is not a number value", c.reason());
    assertEquals(OWNED.withOneMoreFailure(), c.nextEntry());
  }

  // --- mapping changes and digest edge cases ---

  @Test
  void anAttributeAddedToTheMappingIsSentAloneForEveryRow() {
    AttributeLayout before = AttributeLayout.of(Map.of("orderId", AttributeType.STRING, "amount", AttributeType.NUMBER, "paid", AttributeType.BOOLEAN));
    MappedRecord oldRow = MappedRecord.of("k", Map.of("orderId", "k", "amount", "10", "paid", "true"));
    SnapshotEntry old = SnapshotEntry.written("k", new RecordDigester(before).digest(oldRow), 1);
    SnapshotEntry projected = old.project(before, LAYOUT);
    assertEquals(RecordDigest.UNKNOWN_ROW, projected.rowDigest());
    Classification c = classify(SyncMode.MIRROR, List.of(ROW), projected);
    assertEquals(ChangeKind.UPDATE, c.kind());
    assertEquals(List.of("placedAt"), c.changedAttributes());
  }

  @Test
  void anAttributeRemovedFromTheMappingStopsBeingUpdated() {
    AttributeLayout after = AttributeLayout.of(Map.of("orderId", AttributeType.STRING, "amount", AttributeType.NUMBER));
    SnapshotEntry projected = OWNED.project(LAYOUT, after);
    MappedRecord row = MappedRecord.of("k", Map.of("orderId", "k", "amount", "10"));
    assertEquals(ChangeKind.UNCHANGED, new Classifier(SyncMode.MIRROR, new RecordDigester(after), 2).classify("k", List.of(row), projected).kind());
  }

  @Test
  void aRowDigestChangeWithoutAnAttributeDigestChangeSendsEveryAttribute() {
    // a 32-bit attribute digest collision must never lose a change
    int[] same = DIGESTER.digest(CHANGED).attributes();
    SnapshotEntry colliding = SnapshotEntry.create("k", DIGESTER.digest(ROW).row(), same, 1, 0, EntryState.OWNED);
    Classification c = classify(SyncMode.UPSERT, List.of(CHANGED), colliding);
    assertEquals(ChangeKind.UPDATE, c.kind());
    assertEquals(LAYOUT.names(), c.changedAttributes());
  }

  @Test
  void aKeyThatFailedBeforeItWasEverWrittenIsRetried() {
    SnapshotEntry failing = SnapshotEntry.unknown("k", LAYOUT.size(), 1, 3);
    assertEquals(ChangeKind.INSERT, classify(SyncMode.INSERT, List.of(ROW), failing).kind());
    assertEquals(ChangeKind.UPDATE, classify(SyncMode.UPDATE, List.of(ROW), failing).kind());
  }

  @Test
  void fullResyncSendsEveryOwnedKeyAgainButNeverModifiesInInsertModeAndStillDeletes() {
    RecordDigester digester = DIGESTER;
    Classification same = new Classifier(SyncMode.UPSERT, digester, 2, true).classify("k", List.of(ROW), OWNED);
    assertEquals(ChangeKind.UPDATE, same.kind());
    assertEquals(LAYOUT.names(), same.changedAttributes());
    assertEquals(ChangeKind.UNCHANGED,
        new Classifier(SyncMode.INSERT, digester, 2, true).classify("k", List.of(ROW), OWNED).kind());
    assertEquals(ChangeKind.DELETE,
        new Classifier(SyncMode.MIRROR, digester, 2, true).classify("k", List.of(), OWNED).kind());
  }
}
