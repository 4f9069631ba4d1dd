package org.actitosync.runners.flink.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The jar's cache folder on this machine: {@code $ACTITO_SYNC_CACHE}, else {@code
 * $XDG_CACHE_HOME/actito-sync}, else {@code ~/.cache/actito-sync}. It holds only what can be
 * rebuilt: the class archive ({@link ClassArchive}) and the run-size hints ({@link RunSizes}).
 */
public final class CacheFolder {
  /** The environment variable that names the cache folder. */
  public static final String ENV = "ACTITO_SYNC_CACHE";

  private CacheFolder() {}

  /** The cache folder for {@code env} and the user's home, if either names one. */
  public static Optional<Path> of(Map<String, String> env, String userHome) {
    if (!env.getOrDefault(ENV, "").isBlank()) {
      return Optional.of(Path.of(env.get(ENV)));
    }
    if (!env.getOrDefault("XDG_CACHE_HOME", "").isBlank()) {
      return Optional.of(Path.of(env.get("XDG_CACHE_HOME"), "actito-sync"));
    }
    return userHome == null || userHome.isBlank() || userHome.equals("?")
        ? Optional.empty() : Optional.of(Path.of(userHome, ".cache", "actito-sync"));
  }

  /**
   * Moves {@code temp} to {@code target}, replacing it: atomically where the filesystem can, so a
   * reader sees the old file or the new one, never a part.
   */
  static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes {@code file} if it exists (nothing for null); a file that cannot be deleted stays as a
   * leftover in the cache folder, which only costs its space: the next build or write replaces it.
   */
  static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | SecurityException e) {
      // a leftover file in the cache folder
    }
  }

  /** A file name for {@code text}: the first 16 hex digits of its SHA-256. */
  static String key(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
