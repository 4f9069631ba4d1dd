package org.actitosync.sync;

import static org.actitosync.testing.Fixtures.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.NextEntries;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.change.WriteSemantics;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.SnapshotEntry;
import org.actitosync.testing.Fixtures;
import org.actitosync.testing.WriteOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the diff core: random sequences of runs over random segments (inserts,
 * changes, deletes, duplicates, invalid values, null keys, reappearing keys, records someone else
 * created, a mode switch) with random write outcomes. A plain in-memory destination receives only
 * the operations the stand-in writer applies, with Actito's call semantics. After every run the
 * destination must hold what the mode promises given what was accepted; every rejected or failed
 * change must come back in the next run until accepted; MIRROR must never delete a key it never
 * wrote. Seeded: a failure message names the seed that reproduces it.
 */
class SyncModelTest {
  static final int CASES = 250;
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  static final SyncMode[] MODES = SyncMode.values();

  @Test
  void randomRunSequencesKeepEveryPromise() {
    long base = 20261128L;
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      try {
        new Case(seed).play();
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** One random case: a destination, a snapshot, and 5 to 8 runs. */
  static final class Case {
    final Random random;
    final Map<String, Map<String, String>> destination = new TreeMap<>();
    final Set<String> writtenByUs = new HashSet<>();
    Map<String, SnapshotEntry> snapshot = new HashMap<>();
    Map<String, Object[]> source = new TreeMap<>();
    int runNumber = 0;

    Case(long seed) {
      random = new Random(seed);
      // records someone else created before the activation existed
      for (int i = 0; i < 3; i++) {
        String key = "k" + random.nextInt(12);
        destination.put(key, new TreeMap<>(Fixtures.order(key, 99, false).values()));
      }
    }

    void play() {
      SyncMode mode = MODES[random.nextInt(MODES.length)];
      int runs = 5 + random.nextInt(4);
      int switchAt = 1 + random.nextInt(runs - 1);
      Map<String, Classification> failedLastRun = new HashMap<>();
      Map<String, Object[]> previousSource = new TreeMap<>();
      SyncMode previousMode = null;
      for (int r = 0; r < runs; r++) {
        if (r == switchAt) {
          mode = MODES[random.nextInt(MODES.length)];
        }
        evolveSource();
        List<MappedRecord> rows = rows();
        Map<String, Classification> changes = run(mode, rows, false, failedLastRun);
        if (mode == previousMode) {
          for (Map.Entry<String, Classification> failed : failedLastRun.entrySet()) {
            String key = failed.getKey();
            if (java.util.Objects.deepEquals(previousSource.get(key), source.get(key))
                && !changes.containsKey(key)) {
              fail("run " + runNumber + ": " + failed.getValue().kind() + " of " + key
                  + " failed in the previous run but was not retried");
            }
          }
        }
        failedLastRun = lastFailures;
        previousSource = new TreeMap<>(source);
        previousMode = mode;
      }
      // Convergence: with every write accepted, one run settles and the next sends nothing.
      run(mode, rows(), true, failedLastRun);
      checkConverged(mode);
      Map<String, Classification> idle = run(mode, rows(), true, lastFailures);
      assertTrue(idle.isEmpty(), "a run after convergence still sends " + idle.keySet());
    }

    Map<String, Classification> lastFailures = new HashMap<>();

    Map<String, Classification> run(
        SyncMode mode, List<MappedRecord> rows, boolean acceptAll, Map<String, Classification> unused) {
      runNumber++;
      Map<String, Map<String, String>> before = deepCopy(destination);
      Map<String, SnapshotEntry> previousSnapshot = snapshot;
      Classifier classifier = new Classifier(mode, DIGESTER, runNumber);
      Map<String, List<MappedRecord>> byKey = new TreeMap<>();
      for (MappedRecord row : rows) {
        byKey.computeIfAbsent(row.key() == null ? "" : row.key(), k -> new ArrayList<>()).add(row);
      }
      Set<String> keys = new HashSet<>(byKey.keySet());
      keys.addAll(snapshot.keySet());
      Map<String, SnapshotEntry> next = new HashMap<>();
      Map<String, Classification> changes = new HashMap<>();
      lastFailures = new HashMap<>();
      for (String key : keys) {
        Classification c =
            classifier.classify(key, byKey.getOrDefault(key, List.of()), snapshot.get(key));
        SnapshotEntry entry;
        if (c.kind().isChange()) {
          changes.put(key, c);
          WriteOutcome outcome = write(c, acceptAll);
          if (!outcome.status().isSettled()) {
            lastFailures.put(key, c);
          }
          entry = NextEntries.forOutcome(outcome, runNumber, LAYOUT.size());
          checkApplied(mode, c, outcome, byKey.get(key), previousSnapshot.get(key));
        } else {
          entry = NextEntries.forUnsent(c);
        }
        if (entry != null) {
          next.put(key, entry);
        }
      }
      snapshot = next;
      checkRun(mode, before, previousSnapshot);
      return changes;
    }

    /** The stand-in writer: a random outcome, applied to the destination with Actito semantics. */
    WriteOutcome write(Classification c, boolean acceptAll) {
      int dice = acceptAll ? 99 : random.nextInt(100);
      if (dice < 12) {
        return WriteOutcomes.outcome(c, OutcomeStatus.REJECTED);
      }
      if (dice < 24) {
        return WriteOutcomes.outcome(c, OutcomeStatus.FAILED);
      }
      String key = c.key();
      boolean exists = destination.containsKey(key);
      WriteSemantics semantics = c.semantics();
      if (semantics == WriteSemantics.DELETE) {
        assertTrue(writtenByUs.contains(key), "MIRROR deletes " + key + ", which it never wrote");
        destination.remove(key);
        return WriteOutcomes.outcome(c, OutcomeStatus.APPLIED);
      }
      if (semantics == WriteSemantics.CREATE_ONLY && exists) {
        return WriteOutcomes.outcome(c, OutcomeStatus.SKIPPED_EXISTS);
      }
      if (semantics == WriteSemantics.UPDATE_ONLY && !exists) {
        return WriteOutcomes.outcome(c, OutcomeStatus.SKIPPED_MISSING);
      }
      Map<String, String> record = destination.computeIfAbsent(key, k -> new TreeMap<>());
      for (String attribute : c.changedAttributes()) {
        String value = c.values().get(attribute);
        if (value == null) {
          record.remove(attribute);
        } else {
          record.put(attribute, value);
        }
      }
      record.put("orderId", key);
      writtenByUs.add(key);
      return WriteOutcomes.outcome(c, OutcomeStatus.APPLIED);
    }

    void checkApplied(
        SyncMode mode, Classification c, WriteOutcome outcome, List<MappedRecord> rows, SnapshotEntry previous) {
      if (outcome.status() == OutcomeStatus.APPLIED && c.kind() != ChangeKind.DELETE) {
        assertEquals(
            new TreeMap<>(rows.get(0).values()),
            destination.get(c.key()),
            mode + " applied " + c.kind() + " of " + c.key() + " must leave the source's values");
      }
      if (c.kind() == ChangeKind.DELETE) {
        assertTrue(previous != null && previous.owned(), "DELETE of a key not owned: " + c.key());
      }
    }

    void checkRun(SyncMode mode, Map<String, Map<String, String>> before, Map<String, SnapshotEntry> previousSnapshot) {
      for (Map.Entry<String, Map<String, String>> e : before.entrySet()) {
        String key = e.getKey();
        if (!destination.containsKey(key)) {
          assertEquals(SyncMode.MIRROR, mode, mode + " deleted " + key);
          assertTrue(previousSnapshot.containsKey(key) && previousSnapshot.get(key).owned(),
              "MIRROR deleted " + key + " which the snapshot did not own");
        } else if (mode == SyncMode.INSERT) {
          assertEquals(e.getValue(), destination.get(key), "INSERT modified existing record " + key);
        }
      }
      if (mode == SyncMode.UPDATE) {
        assertTrue(before.keySet().containsAll(destination.keySet()), "UPDATE created a record");
      }
      // the snapshot is a faithful model of what we wrote
      for (SnapshotEntry entry : snapshot.values()) {
        if (entry.owned()) {
          Map<String, String> actual = destination.get(entry.key());
          assertTrue(actual != null, "snapshot owns " + entry.key() + " but the destination lacks it");
          assertEquals(DIGESTER.digest(MappedRecord.of(entry.key(), actual)).row(), entry.rowDigest(),
              "snapshot entry of " + entry.key() + " differs from the destination");
        }
      }
    }

    void checkConverged(SyncMode mode) {
      Map<String, Map<String, String>> expected = new TreeMap<>();
      for (MappedRecord row : validUniqueRows()) {
        expected.put(row.key(), new TreeMap<>(row.values()));
      }
      for (Map.Entry<String, Map<String, String>> e : expected.entrySet()) {
        Map<String, String> actual = destination.get(e.getKey());
        switch (mode) {
          case UPSERT:
          case MIRROR:
            assertEquals(e.getValue(), actual, mode + " did not converge on " + e.getKey());
            break;
          case INSERT:
            assertTrue(actual != null, "INSERT did not create " + e.getKey());
            break;
          case UPDATE:
            if (actual != null && writtenByUs.contains(e.getKey())) {
              assertEquals(e.getValue(), actual, "UPDATE did not converge on " + e.getKey());
            }
            break;
          default:
            fail();
        }
      }
      if (mode == SyncMode.MIRROR) {
        for (String key : destination.keySet()) {
          assertFalse(
              writtenByUs.contains(key) && !expected.containsKey(key) && !source.containsKey(key),
              "MIRROR left " + key + " that is gone from the source");
        }
      }
    }

    void evolveSource() {
      Map<String, Object[]> next = new TreeMap<>();
      for (int k = 0; k < 12; k++) {
        String key = "k" + k;
        Object[] old = source.get(key);
        int dice = random.nextInt(100);
        if (old != null && dice < 60) {
          next.put(key, old); // unchanged
        } else if (dice < 85) {
          next.put(key, randomRow(key));
        } // else: absent this run (deleted, or reappears later)
      }
      source = next;
    }

    Object[] randomRow(String key) {
      int dice = random.nextInt(100);
      Object amount = dice < 6 ? "n/a" : (Object) (random.nextInt(3) + (random.nextBoolean() ? 0.0 : 0));
      Object paid = random.nextInt(10) == 0 ? null : random.nextBoolean();
      int copies = random.nextInt(100) < 6 ? 2 : 1;
      return new Object[] {key, amount, paid, copies};
    }

    List<MappedRecord> rows() {
      List<MappedRecord> rows = new ArrayList<>();
      for (Object[] row : source.values()) {
        for (int i = 0; i < (Integer) row[3]; i++) {
          rows.add(Fixtures.order((String) row[0], row[1], row[2]));
        }
      }
      if (random.nextInt(10) == 0) {
        rows.add(Fixtures.order(null, 1, true));
      }
      return rows;
    }

    List<MappedRecord> validUniqueRows() {
      List<MappedRecord> rows = new ArrayList<>();
      for (Object[] row : source.values()) {
        MappedRecord record = Fixtures.order((String) row[0], row[1], row[2]);
        if ((Integer) row[3] == 1 && record.isValid()) {
          rows.add(record);
        }
      }
      return rows;
    }

    static Map<String, Map<String, String>> deepCopy(Map<String, Map<String, String>> map) {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
      return copy;
    }
  }
}
