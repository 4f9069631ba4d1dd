package org.actitosync.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The two small-file primitives the commit needs, on any Beam filesystem: create-if-absent and
 * atomic replace. Used for local paths and for schemes other than {@code gs://} (which has {@link
 * GcsCommitFiles}); see {@link CommitFiles}.
 *
 * <p>On local paths both are atomic ({@code createIfAbsent} hard-links a temporary file, which
 * fails if the target exists; replace writes a temporary file and renames it with {@code
 * ATOMIC_MOVE}). On other filesystems Beam's {@link FileSystems} API offers no precondition, so
 * this is best effort only: create-if-absent is check-then-write followed by a read-back that
 * verifies this writer's content is there, and replace is a plain write (atomic for readers only
 * where the store makes a single object write atomic). Two commits racing within the same instant
 * on such a store are not guaranteed to be told apart.
 */
final class AtomicFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  private AtomicFiles() {}

  static boolean isLocal(ResourceId resource) {
    String scheme = resource.getScheme();
    return scheme == null || scheme.isEmpty() || "file".equals(scheme);
  }

  static Path localPath(ResourceId resource) {
    String spec = resource.toString();
    return spec.startsWith("file:") ? Paths.get(java.net.URI.create(spec)) : Paths.get(spec);
  }

  /** Creates {@code file} holding {@code content} unless it exists; true if this call created it. */
  static boolean createIfAbsent(ResourceId file, byte[] content) throws IOException {
    if (isLocal(file)) {
      Path path = localPath(file);
      Path temp = tempBeside(path, content);
      try {
        try {
          // A hard link is created atomically and fails if the target exists.
          Files.createLink(path, temp);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (UnsupportedOperationException e) {
          try {
            Files.write(path, content, java.nio.file.StandardOpenOption.CREATE_NEW);
            return true;
          } catch (FileAlreadyExistsException exists) {
            return false;
          }
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    if (read(file).isPresent()) {
      return false;
    }
    write(file, content);
    return read(file).map(actual -> java.util.Arrays.equals(actual, content)).orElse(false);
  }

  /** Replaces {@code file}'s content atomically: readers see the old or the new content. */
  static void replace(ResourceId file, byte[] content) throws IOException {
    if (isLocal(file)) {
      Path path = localPath(file);
      Path temp = tempBeside(path, content);
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      return;
    }
    write(file, content);
  }

  /** A temporary file holding {@code content} in {@code path}'s directory (same filesystem). */
  private static Path tempBeside(Path path, byte[] content) throws IOException {
    Files.createDirectories(path.getParent());
    Path temp = Files.createTempFile(path.getParent(), ".commit", ".tmp");
    Files.write(temp, content);
    return temp;
  }

  static void write(ResourceId file, byte[] content) throws IOException {
    try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write(content);
    }
  }

  /** The file's content, or empty when it does not exist. */
  static Optional<byte[]> read(ResourceId file) throws IOException {
    MatchResult match = FileSystems.match(file.toString());
    if (match.status() == MatchResult.Status.NOT_FOUND || match.metadata().isEmpty()) {
      return Optional.empty();
    }
    try (ReadableByteChannel channel = FileSystems.open(file)) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (channel.read(buffer) != -1) {
        buffer.flip();
        bytes.write(buffer.array(), 0, buffer.limit());
        buffer.clear();
      }
      return Optional.of(bytes.toByteArray());
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
