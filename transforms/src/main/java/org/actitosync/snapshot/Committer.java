package org.actitosync.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.actitosync.snapshot.CommitFiles.Versioned;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SnapshotStore#commit}: writes the run's manifest, claims the run's base ({@code
 * claims/<base>}, created only if absent: the first claimant wins) and moves {@code CURRENT} from
 * the base to the run. The guarantees are those of the {@link CommitFiles} for the root's scheme;
 * every file operation of the commit goes through them.
 */
final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
  private static final int MAX_CHAIN = 10_000;

  private final SnapshotStore store;
  private final CommitFiles files;
  private final ResourceId current;

  Committer(SnapshotStore store, CommitFiles files) {
    this.store = store;
    this.files = files;
    this.current = store.file("CURRENT");
  }

  void commit(Manifest manifest) throws IOException {
    String runId = manifest.runId();
    String base = manifest.baseRunId();
    files.write(store.manifestFile(runId), manifest.toJson());
    ResourceId claim =
        store.file("claims/" + (base == null ? SnapshotStore.INITIAL_BASE : base));
    if (!files.createIfAbsent(claim, utf8(runId))) {
      String winner = files.read(claim).map(v -> text(v.content())).orElse("?");
      if (!winner.equals(runId)) {
        finishInterruptedCommit(base, winner);
        throw new CommitConflictException(
            "activation '" + store.activation() + "': run " + runId + " cannot commit: run "
                + winner + " already committed from the same base "
                + (base == null ? "(first run)" : base)
                + ". CURRENT is left as it is; the next run starts from " + winner
                + " and re-applies what this run wrote.");
      }
    }
    Optional<Versioned> read = files.read(current);
    Optional<String> currentRun = runOf(read);
    if (currentRun.isPresent() && currentRun.get().equals(runId)) {
      return; // already committed: a retried commit is a no-op
    }
    if (!Objects.equals(currentRun.orElse(null), base)) {
      throw new CommitConflictException(
          "activation '" + store.activation() + "': run " + runId + " was based on "
              + (base == null ? "no snapshot" : base) + " but CURRENT is now "
              + currentRun.orElse("(none)") + "; not committed");
    }
    if (!files.replaceIfUnchanged(current, utf8(runId + "\n"), read)) {
      movedMeanwhile(runId);
      return;
    }
    LOG.info("Activation '{}': committed run {} (base {})", store.activation(), runId, base);
  }

  /** A winner that claimed the base but died before moving CURRENT is rolled forward. */
  private void finishInterruptedCommit(@Nullable String base, String winner) throws IOException {
    Optional<Versioned> read = files.read(current);
    if (Objects.equals(runOf(read).orElse(null), base)
        && files.read(store.manifestFile(winner)).isPresent()
        && files.replaceIfUnchanged(current, utf8(winner + "\n"), read)) {
      LOG.warn(
          "Activation '{}': completed the interrupted commit of run {} (base {})",
          store.activation(), winner, base);
    }
  }

  /**
   * CURRENT changed between our read and our conditional write (versioned stores only). This run
   * holds its base's claim, so nobody else can have moved CURRENT off the base except to this run
   * (a retried write of ours, or another run completing our commit) and then onwards.
   */
  private void movedMeanwhile(String runId) throws IOException {
    Optional<String> now = runOf(files.read(current));
    Set<String> seen = new HashSet<>();
    Optional<String> run = now;
    while (run.isPresent() && seen.add(run.get()) && seen.size() <= MAX_CHAIN) {
      if (run.get().equals(runId)) {
        LOG.info(
            "Activation '{}': run {} is committed (CURRENT is {})",
            store.activation(), runId, now.get());
        return;
      }
      Optional<Versioned> manifest = files.read(store.manifestFile(run.get()));
      run = manifest.isPresent()
          ? Optional.ofNullable(Manifest.fromJson(manifest.get().content()).baseRunId())
          : Optional.empty();
    }
    throw new CommitConflictException(
        "activation '" + store.activation() + "': CURRENT moved to " + now.orElse("(none)")
            + " while run " + runId + " was committing; it was not moved back");
  }

  private static Optional<String> runOf(Optional<Versioned> file) {
    return file.map(v -> text(v.content())).filter(id -> !id.isEmpty());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).trim();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
