package org.actitosync.runners.flink.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rows the last completed run of a config file read on this machine, one small file per config
 * in the cache folder ({@code sizes/<hash of the config's real path>}). It is a hint for {@link
 * JvmChoice} and nothing else: a missing, stale or unreadable hint only makes a run pick the
 * default JIT, never changes what the run does. Written atomically (a temporary file, then a
 * rename), so concurrent runs of one config leave one of their values.
 */
public final class RunSizes {
  private final Path dir;

  public RunSizes(Path cacheDir) {
    this.dir = cacheDir.resolve("sizes");
  }

  /** The config file of a command line ({@code --config=FILE} or {@code --config FILE}), if it has one. */
  public static Optional<Path> configOf(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--config=")) {
        return Optional.of(Path.of(a.substring("--config=".length())));
      }
      if (a.equals("--config") && i + 1 < args.size()) {
        return Optional.of(Path.of(args.get(i + 1)));
      }
    }
    return Optional.empty();
  }

  /** The rows the last completed run of {@code config} read, if a readable hint exists. */
  public OptionalLong lastRowsRead(Path config) {
    try {
      String text = Files.readString(file(config), StandardCharsets.US_ASCII).trim();
      long rows = Long.parseLong(text);
      return rows >= 0 ? OptionalLong.of(rows) : OptionalLong.empty();
    } catch (IOException | NumberFormatException | SecurityException e) {
      return OptionalLong.empty();
    }
  }

  /** Records {@code rows} for {@code config}; a hint that cannot be written is skipped (it is only a hint). */
  public void record(Path config, long rows) {
    Path temp = null;
    try {
      Files.createDirectories(dir);
      Path target = file(config);
      temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      Files.writeString(temp, Long.toString(rows), StandardCharsets.US_ASCII);
      CacheFolder.moveIntoPlace(temp, target);
    } catch (IOException | SecurityException e) {
      // only a hint: the next run of this config picks the default JIT
    } finally {
      CacheFolder.deleteQuietly(temp);
    }
  }

  private Path file(Path config) {
    return dir.resolve(CacheFolder.key(canonical(config).toString()));
  }

  private static Path canonical(Path config) {
    try {
      return config.toRealPath();
    } catch (IOException | SecurityException e) {
      return config.toAbsolutePath().normalize();
    }
  }
}
