package org.actitosync.snapshot;

import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The file operations of the snapshot commit ({@link Committer}), chosen by the snapshot root's
 * scheme:
 *
 * <ul>
 *   <li>local paths: {@link AtomicFiles} (hard-link create-if-absent, atomic rename); files carry
 *       no version, so {@link #replaceIfUnchanged} replaces unconditionally (the claim already
 *       admits one run per base);
 *   <li>{@code gs://}: {@link GcsCommitFiles}, the GCS JSON API with generation preconditions:
 *       create-if-absent is one write with {@code ifGenerationMatch=0} and a replace is one write
 *       conditional on the generation read;
 *   <li>any other scheme: {@link AtomicFiles}'s best effort through Beam's {@code FileSystems}
 *       (check-then-write plus read-back; unversioned).
 * </ul>
 */
interface CommitFiles {

  /** A file's content and the version it was read at ({@link #UNVERSIONED} where none exists). */
  record Versioned(byte[] content, long generation) {}

  long UNVERSIONED = -1L;

  /** Creates {@code file} with {@code content} unless it exists; true if this call created it. */
  boolean createIfAbsent(ResourceId file, byte[] content) throws IOException;

  /** The file's content and version, or empty when it does not exist. */
  Optional<Versioned> read(ResourceId file) throws IOException;

  /** Writes {@code file} (replacing it), atomically for readers. */
  void write(ResourceId file, byte[] content) throws IOException;

  /**
   * Replaces {@code file} atomically if it is still as {@code expected} was read (empty: still
   * absent); false, writing nothing, if it changed meanwhile. Unversioned files are replaced.
   */
  boolean replaceIfUnchanged(ResourceId file, byte[] content, Optional<Versioned> expected)
      throws IOException;

  /**
   * The operations for {@code root}. On {@code gs://} the client comes from {@code options}' {@code
   * GcsOptions} (credentials, {@code --gcsEndpoint}); without options, Beam's defaults.
   */
  static CommitFiles forRoot(String root, @Nullable PipelineOptions options) {
    if (root.startsWith("gs://")) {
      return GcsCommitFiles.create(options == null ? PipelineOptionsFactory.create() : options);
    }
    return BestEffort.INSTANCE;
  }

  /** Local paths (atomic) and schemes without preconditions (best effort): {@link AtomicFiles}. */
  enum BestEffort implements CommitFiles {
    INSTANCE;

    @Override
    public boolean createIfAbsent(ResourceId file, byte[] content) throws IOException {
      return AtomicFiles.createIfAbsent(file, content);
    }

    @Override
    public Optional<Versioned> read(ResourceId file) throws IOException {
      return AtomicFiles.read(file).map(bytes -> new Versioned(bytes, UNVERSIONED));
    }

    @Override
    public void write(ResourceId file, byte[] content) throws IOException {
      AtomicFiles.replace(file, content);
    }

    @Override
    public boolean replaceIfUnchanged(
        ResourceId file, byte[] content, Optional<Versioned> expected) throws IOException {
      AtomicFiles.replace(file, content);
      return true;
    }
  }
}
