package org.actitosync.classify;

import static org.actitosync.classify.ClassifierTest.DIGESTER;
import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.actitosync.testing.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys that a URL path segment cannot address ({@code .} and {@code ..}): rejected before any call. */
class UnaddressableKeysTest {
  @ParameterizedTest
  @EnumSource(SyncMode.class)
  void dotKeysAreRejectedBeforeAnyCallKeepThePreviousEntryAndAreNeverDeleted(SyncMode mode) {
    Classifier classifier = new Classifier(mode, DIGESTER, 2);
    for (String key : new String[] {".", ".."}) {
      SnapshotEntry owned = SnapshotEntry.written(key, DIGESTER.digest(order(key, 10, true)), 1);
      // unchanged, changed, new: every row of such a key is rejected, whatever the mode would do
      for (SnapshotEntry previous : new SnapshotEntry[] {owned, null}) {
        for (MappedRecord row : new MappedRecord[] {order(key, 10, true), order(key, 11, true)}) {
          Classification c = classifier.classify(key, List.of(row), previous);
          assertEquals(ChangeKind.REJECTED, c.kind(), key + " " + previous);
          assertEquals(Rules.UNADDRESSABLE_KEY, c.rule());
          assertEquals(List.of(row), c.rejectedRows());
          assertEquals(
              "key '" + key + "' cannot be addressed in a URL path segment ('.' and '..' are path steps);"
                  + " use another key value in the source",
              c.reason());
          assertEquals(0, c.changedAttributes().size());
          assertEquals(
              previous == null ? SnapshotEntry.unknown(key, LAYOUT.size(), 2, 1) : owned.withOneMoreFailure(),
              c.nextEntry());
        }
      }
      // gone from the source: never a DELETE; MIRROR rejects, the others skip as for any key
      Classification gone = classifier.classify(key, Collections.emptyList(), owned);
      if (mode.deletes()) {
        assertEquals(ChangeKind.REJECTED, gone.kind());
        assertEquals(Rules.UNADDRESSABLE_KEY, gone.rule());
        assertEquals(owned.withOneMoreFailure(), gone.nextEntry());
      } else {
        assertEquals(ChangeKind.SKIPPED, gone.kind());
        assertEquals(Rules.MODE_KEEPS_GONE_KEYS, gone.rule());
      }
      assertEquals(Rules.GONE_NEVER_WRITTEN,
          classifier.classify(key, Collections.emptyList(), owned.withState(EntryState.PENDING)).rule());
    }
  }

  @Test
  void keysThatOnlyLookLikeDotsAreAddressable() {
    Classifier classifier = new Classifier(SyncMode.MIRROR, DIGESTER, 2);
    for (String key : new String[] {"...", ". ", " .", ".a", "a.", "./", "%2E"}) {
      assertEquals(ChangeKind.INSERT, classifier.classify(key, List.of(order(key, 1, true)), null).kind(), key);
    }
  }
}
