package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.snapshot.SnapshotStore;

/** {@code snapshot}: where the activation's snapshots live and how many committed runs are kept. */
@AutoValue
public abstract class SnapshotConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_RETENTION = SnapshotStore.DEFAULT_KEEP_RUNS;

  /** Any Beam filesystem path: local, {@code gs://}, ... */
  public abstract String root();

  /** Committed runs kept (at least 1). */
  public abstract int retention();

  public static SnapshotConfig create(String root, int retention) {
    return new AutoValue_SnapshotConfig(root, retention);
  }
}
