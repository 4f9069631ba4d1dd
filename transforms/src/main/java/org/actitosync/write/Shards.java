package org.actitosync.write;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The fixed shard space {@code 0..K-1} that caps concurrency: {@code shard = floorMod(hash(key),
 * K)} with a hash that is the same on every JVM, so a replayed stage rebuilds the same shards. The
 * writer DoFn is stateful and keyed by shard, and Beam processes one element at a time per key of a
 * stateful DoFn, so at most K calls are ever in flight, whatever the number of workers or threads.
 */
public final class Shards {
  private Shards() {}

  public static int of(String key, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, not " + shards);
    }
    int hash = Hashing.murmur3_32_fixed().hashString(key, StandardCharsets.UTF_8).asInt();
    return Math.floorMod(hash, shards);
  }
}
