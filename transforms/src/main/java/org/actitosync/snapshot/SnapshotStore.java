package org.actitosync.snapshot;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshots of one activation under {@code <snapshotRoot>/<activation>/}, on any Beam
 * filesystem:
 *
 * <pre>
 * CURRENT                      the committed run id
 * claims/&lt;baseRunId&gt;            which run committed from that base (first come wins)
 * runs/&lt;runId&gt;/entries/*.avro   the snapshot entries
 * runs/&lt;runId&gt;/manifest.json     run id, base, run number, mapping layout and fingerprint, counts
 * runs/&lt;runId&gt;/rejected/, report.json   dead letters and the report (later issues)
 * </pre>
 *
 * <p>Guarantees of {@link #commit}: {@code CURRENT} moves atomically, and only from the run's base:
 * the first run to claim a base wins; any other run from that base fails with {@link
 * CommitConflictException} and leaves {@code CURRENT} as it is. A commit interrupted after its
 * claim is completed by the next commit attempt from the same base (the winner's manifest proves
 * its entries are whole). A run that fails before its commit leaves {@code CURRENT} untouched.
 * Committing the same run twice is a no-op (safe on a retried bundle).
 *
 * <p>How the claim and the move are made atomic depends on the root's scheme ({@link
 * CommitFiles}): local paths use atomic file operations; {@code gs://} uses GCS generation
 * preconditions (the claim is created with {@code ifGenerationMatch=0}, so exactly one of any number
 * of racing runs wins it; {@code CURRENT} is replaced conditionally on the generation read, so a
 * stale writer cannot move it back); any other scheme is best effort (check-then-write plus a
 * read-back), which may not tell apart two commits racing within the same instant.
 */
public final class SnapshotStore implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  static final String INITIAL_BASE = "_initial";
  /** Committed runs kept by default (see {@link #retain}). */
  public static final int DEFAULT_KEEP_RUNS = 5;

  private final String root;
  private final String activation;

  public SnapshotStore(String snapshotRoot, String activation) {
    if (!activation.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      throw new IllegalArgumentException(
          "activation name '" + activation + "' must be letters, digits, '.', '_' or '-'");
    }
    this.root = snapshotRoot.endsWith("/") ? snapshotRoot : snapshotRoot + "/";
    this.activation = activation;
  }

  public String activation() {
    return activation;
  }

  private ResourceId activationDir() {
    return FileSystems.matchNewResource(root, true)
        .resolve(activation + "/", StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  ResourceId file(String relative) {
    return activationDir().resolve(relative, StandardResolveOptions.RESOLVE_FILE);
  }

  public ResourceId runDirectory(String runId) {
    return activationDir()
        .resolve("runs/", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(runId + "/", StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Prefix for the entry files of a run: {@code runs/<runId>/entries/part}. */
  public String entriesPrefix(String runId) {
    return runDirectory(runId)
        .resolve("entries/", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve("part", StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  public String entriesGlob(String runId) {
    return entriesPrefix(runId) + "*.avro";
  }

  public ResourceId manifestFile(String runId) {
    return runDirectory(runId).resolve("manifest.json", StandardResolveOptions.RESOLVE_FILE);
  }

  /** Writes {@code runs/<runId>/<name>} (a report, a plan summary), replacing it if present. */
  public ResourceId writeRunFile(String runId, String name, byte[] content) {
    ResourceId file = runDirectory(runId).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try {
      AtomicFiles.replace(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads {@code runs/<runId>/<name>}, or empty when it does not exist. */
  public Optional<byte[]> readRunFile(String runId, String name) {
    ResourceId file = runDirectory(runId).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try {
      return AtomicFiles.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A file prefix under the run's directory, e.g. {@code rejected/part} for the dead letters. */
  public String runPrefix(String runId, String relative) {
    return runDirectory(runId).toString() + relative;
  }

  /** The committed run, or empty before the first commit. */
  public Optional<String> currentRun() {
    try {
      return AtomicFiles.read(file("CURRENT"))
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8).trim())
          .filter(id -> !id.isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file("CURRENT"), e);
    }
  }

  public Optional<Manifest> readManifest(String runId) {
    try {
      Optional<byte[]> bytes = AtomicFiles.read(manifestFile(runId));
      return bytes.isPresent() ? Optional.of(Manifest.fromJson(bytes.get())) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of run " + runId, e);
    }
  }

  /** The committed run's manifest, or empty before the first commit. */
  public Optional<Manifest> currentManifest() {
    Optional<String> current = currentRun();
    if (!current.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        readManifest(current.get())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "CURRENT names run "
                            + current.get()
                            + " but its manifest is missing under "
                            + runDirectory(current.get()))));
  }

  /**
   * Commits {@code manifest}'s run: writes the manifest, claims the base and moves {@code CURRENT}.
   * Call only once the run's entries are completely written. On {@code gs://} the GCS client is
   * built from {@code options} (its {@code GcsOptions}: credentials, endpoint); elsewhere they are
   * not used.
   *
   * @throws CommitConflictException when another run already committed from the same base
   */
  public void commit(Manifest manifest, @Nullable PipelineOptions options) throws IOException {
    new Committer(this, CommitFiles.forRoot(root, options)).commit(manifest);
  }

  /** {@link #commit(Manifest, PipelineOptions)} with Beam's default options. */
  public void commit(Manifest manifest) throws IOException {
    commit(manifest, null);
  }

  /**
   * Keeps the last {@code keep} committed runs (CURRENT and its bases) and removes older committed
   * runs, their claims, and uncommitted runs older than the oldest run kept. Call only after a
   * successful commit; runs newer than the oldest kept one are never touched (they may be running).
   *
   * @return the run ids removed
   */
  public List<String> retain(int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("snapshot retention must keep at least 1 run, not " + keep);
    }
    List<String> chain = committedChain();
    if (chain.isEmpty()) {
      return Collections.emptyList();
    }
    Set<String> kept = new HashSet<>(chain.subList(0, Math.min(keep, chain.size())));
    String oldestKept = chain.get(Math.min(keep, chain.size()) - 1);
    List<String> removed = new ArrayList<>();
    for (String runId : listRuns()) {
      boolean olderCommitted = chain.contains(runId) && !kept.contains(runId);
      boolean olderUncommitted = !chain.contains(runId) && runId.compareTo(oldestKept) < 0;
      if (olderCommitted || olderUncommitted) {
        deleteRecursively(runDirectory(runId));
        deleteFile(file("claims/" + runId));
        removed.add(runId);
      }
    }
    if (!removed.isEmpty()) {
      LOG.info("Activation '{}': removed old snapshot runs {}", activation, removed);
    }
    return removed;
  }

  /** Committed runs still present, newest first, following base links from CURRENT. */
  public List<String> committedChain() {
    List<String> chain = new ArrayList<>();
    Optional<String> run = currentRun();
    Set<String> seen = new HashSet<>();
    while (run.isPresent() && seen.add(run.get())) {
      Optional<Manifest> manifest = readManifest(run.get());
      if (!manifest.isPresent()) {
        break; // removed by retention: the chain ends here
      }
      chain.add(run.get());
      run = manifest.map(Manifest::baseRunId);
    }
    return chain;
  }

  /** Every run directory present, committed or not, sorted by id. */
  public List<String> listRuns() throws IOException {
    String glob = activationDir().resolve("runs/", StandardResolveOptions.RESOLVE_DIRECTORY) + "*/**";
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    TreeSet<String> runs = new TreeSet<>();
    String prefix =
        activationDir().resolve("runs/", StandardResolveOptions.RESOLVE_DIRECTORY).toString();
    for (MatchResult.Metadata metadata : match.metadata()) {
      String path = metadata.resourceId().toString();
      if (path.startsWith(prefix)) {
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash > 0) {
          runs.add(rest.substring(0, slash));
        }
      }
    }
    return new ArrayList<>(runs);
  }

  private static void deleteRecursively(ResourceId directory) throws IOException {
    MatchResult match = FileSystems.match(directory.toString() + "**", EmptyMatchTreatment.ALLOW);
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata metadata : match.metadata()) {
      files.add(metadata.resourceId());
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    if (AtomicFiles.isLocal(directory)) {
      java.nio.file.Path path = AtomicFiles.localPath(directory);
      if (java.nio.file.Files.exists(path)) {
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(path)) {
          for (java.nio.file.Path p :
              (Iterable<java.nio.file.Path>)
                  walk.sorted(Comparator.reverseOrder())::iterator) {
            java.nio.file.Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  private static void deleteFile(ResourceId file) throws IOException {
    FileSystems.delete(
        Collections.singletonList(file), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
