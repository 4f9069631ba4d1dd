package org.actitosync.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.actitosync.coders.EntryBatchCoder;
import org.actitosync.coders.SnapshotEntryCoder;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Batches of unsent entries: every entry back, in order, through the builder and the coder. */
class EntryBatchTest {
  private static final EntryState[] STATES = EntryState.values();

  static SnapshotEntry entry(Random random, int i) {
    int[] digests = new int[random.nextInt(12)];
    for (int d = 0; d < digests.length; d++) {
      digests[d] = random.nextInt();
    }
    String key = (i % 3 == 0 ? "clé-" : "k") + i + (i % 7 == 0 ? "\uD83D\uDE00" : "");
    return SnapshotEntry.create(key, random.nextLong(), digests, 1 + random.nextInt(1000), random.nextInt(4),
        STATES[random.nextInt(STATES.length)]);
  }

  @Test
  void theBuilderTakesFullBatchesAndEveryEntryComesBackInOrder() throws Exception {
    Random random = new Random(18);
    for (int n : new int[] {0, 1, EntryBatch.MAX_SIZE - 1, EntryBatch.MAX_SIZE, EntryBatch.MAX_SIZE + 1, 2_345}) {
      List<SnapshotEntry> added = new ArrayList<>();
      List<EntryBatch> batches = new ArrayList<>();
      EntryBatch.Builder builder = new EntryBatch.Builder();
      for (int i = 0; i < n; i++) {
        SnapshotEntry e = entry(random, i);
        added.add(e);
        if (builder.add(e)) {
          batches.add(builder.take());
          assertTrue(builder.isEmpty());
        }
      }
      if (!builder.isEmpty()) {
        batches.add(builder.take());
      }
      List<SnapshotEntry> back = new ArrayList<>();
      for (EntryBatch batch : batches) {
        assertTrue(batch.size() >= 1 && batch.size() <= EntryBatch.MAX_SIZE, n + ": " + batch.size());
        EntryBatch decoded = CoderUtils.clone(EntryBatchCoder.of(), batch);
        assertEquals(batch, decoded);
        back.addAll(decoded.entries());
      }
      assertEquals(added, back, n + " entries");
      assertEquals((n + EntryBatch.MAX_SIZE - 1) / EntryBatch.MAX_SIZE, batches.size(), n + " entries");
    }
  }

  @Test
  void theCoderIsDeterministicAndCopiesTheEntriesBytes() throws Exception {
    EntryBatch.Builder builder = new EntryBatch.Builder();
    SnapshotEntry one = entry(new Random(1), 1);
    builder.add(one);
    EntryBatch batch = builder.take();
    CoderProperties.coderDecodeEncodeEqual(EntryBatchCoder.of(), batch);
    byte[] oneEncoded = CoderUtils.encodeToByteArray(SnapshotEntryCoder.of(), one);
    CoderProperties.coderDeterministic(EntryBatchCoder.of(), batch, EntryBatch.of(1, oneEncoded));
    int entryBytes = oneEncoded.length;
    assertEquals(entryBytes, batch.byteLength());
    assertEquals(entryBytes + 2, CoderUtils.encodeToByteArray(EntryBatchCoder.of(), batch).length);
  }

  @Test
  void aBatchWhoseBytesDoNotHoldItsEntriesIsAnError() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(SnapshotEntryCoder.of(), entry(new Random(2), 2)); // one entry
    assertThrows(RuntimeException.class, () -> EntryBatch.of(2, bytes).entries());
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(IllegalStateException.class, () -> EntryBatch.of(1, longer).entries());
    assertThrows(IllegalArgumentException.class, () -> EntryBatch.of(-1, bytes));
    assertThrows(IllegalArgumentException.class, () -> new EntryBatch.Builder(0));
    assertFalse(EntryBatch.of(0, new byte[0]).entries().iterator().hasNext());
  }
}
