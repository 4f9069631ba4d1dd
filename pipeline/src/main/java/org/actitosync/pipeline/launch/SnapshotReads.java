package org.actitosync.pipeline.launch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.actitosync.pipeline.warning.RowsHistory;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.SnapshotStore;

/**
 * What the launcher reads from and writes to the snapshot store outside the pipeline. Every
 * failure (a truncated or unreadable file, a missing manifest that {@code CURRENT} names) becomes a
 * {@link SnapshotStoreException} naming the store and the file, so it ends the run with its exit
 * code, one line and an alert instead of a stack trace.
 */
final class SnapshotReads {
  /** Advice when the store is damaged before the run read or wrote anything. */
  static final String RESTORE = "restore the file from a backup of the snapshot store, then run again;"
      + " this run read no data and wrote nothing to Actito or the snapshot";
  /** Advice when the store fails after the pipeline ran. */
  static final String AFTER_RUN = "the pipeline finished (CURRENT names the committed run) but its report is"
      + " incomplete; check the snapshot store before the next run";

  private final SnapshotStore store;
  private final String root;

  SnapshotReads(SnapshotStore store, String root) {
    this.store = store;
    this.root = root;
  }

  /** The committed run this one starts from, or empty before the first commit. */
  Optional<Manifest> base() {
    String currentFile = root.replaceAll("/+$", "") + "/" + store.activation() + "/CURRENT";
    Optional<String> current = read(currentFile, RESTORE, store::currentRun);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Manifest manifest = manifest(current.get(), RESTORE);
    if (manifest == null) {
      throw new SnapshotStoreException(root, store.manifestFile(current.get()).toString(),
          new IllegalStateException("missing, though CURRENT names run " + current.get()), RESTORE);
    }
    return Optional.of(manifest);
  }

  /** Rows read by up to {@code runs} committed runs from {@code base} back (older ones may be removed). */
  RowsHistory history(Optional<Manifest> base, int runs) {
    List<Manifest> manifests = new ArrayList<>();
    Manifest next = base.orElse(null);
    while (next != null && manifests.size() < runs) {
      manifests.add(next);
      next = next.baseRunId() == null ? null : manifest(next.baseRunId(), RESTORE);
    }
    return RowsHistory.of(manifests, runs);
  }

  /** The counts this run committed (read after the pipeline). */
  Map<String, Long> committedCounts(String runId) {
    Manifest manifest = manifest(runId, AFTER_RUN);
    return manifest == null ? Map.of() : manifest.counts();
  }

  /** A text file of the run ({@code strategy.json}, …), trimmed, or null when absent. */
  String runText(String runId, String name) {
    return read(store.runDirectory(runId) + name, AFTER_RUN, () -> store.readRunFile(runId, name))
        .map(b -> new String(b, StandardCharsets.UTF_8).trim()).orElse(null);
  }

  void writeRunFile(String runId, String name, byte[] content) {
    read(store.runDirectory(runId) + name, AFTER_RUN, () -> store.writeRunFile(runId, name, content));
  }

  private Manifest manifest(String runId, String whatToDo) {
    return read(store.manifestFile(runId).toString(), whatToDo, () -> store.readManifest(runId)).orElse(null);
  }

  private <T> T read(String file, String whatToDo, Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      throw new SnapshotStoreException(root, file, e, whatToDo);
    }
  }
}
