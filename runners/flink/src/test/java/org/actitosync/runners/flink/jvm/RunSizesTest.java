package org.actitosync.runners.flink.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSizesTest {
  @TempDir Path dir;

  @Test
  void theConfigOfACommandLine() {
    assertEquals(Optional.of(Path.of("a.yaml")), RunSizes.configOf(List.of("--dryRun", "--config=a.yaml")));
    assertEquals(Optional.of(Path.of("b.yaml")), RunSizes.configOf(List.of("--config", "b.yaml", "--dryRun")));
    assertEquals(Optional.empty(), RunSizes.configOf(List.of("--dryRun", "--config")));
    assertEquals(Optional.empty(), RunSizes.configOf(List.of("--help")));
  }

  @Test
  void aRecordedSizeIsReadBackForTheSameFileByAnyPath() throws Exception {
    Path config = Files.writeString(dir.resolve("orders.yaml"), "name: orders\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), config);
    RunSizes sizes = new RunSizes(dir.resolve("cache"));
    assertEquals(OptionalLong.empty(), sizes.lastRowsRead(config));

    sizes.record(config, 1234);
    assertEquals(OptionalLong.of(1234), sizes.lastRowsRead(config));
    assertEquals(OptionalLong.of(1234), sizes.lastRowsRead(link), "a symbolic link names the same config");
    assertEquals(OptionalLong.of(1234), new RunSizes(dir.resolve("cache")).lastRowsRead(dir.resolve("x/../orders.yaml")));

    sizes.record(link, 99);
    assertEquals(OptionalLong.of(99), sizes.lastRowsRead(config), "the last run's size replaces the one before");
    Path other = Files.writeString(dir.resolve("other.yaml"), "name: other\n");
    assertEquals(OptionalLong.empty(), sizes.lastRowsRead(other), "each config has its own");
    try (var files = Files.list(dir.resolve("cache/sizes"))) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void aDamagedHintIsNoHint() throws Exception {
    Path config = Files.writeString(dir.resolve("orders.yaml"), "name: orders\n");
    RunSizes sizes = new RunSizes(dir.resolve("cache"));
    sizes.record(config, 10);
    Path hint;
    try (var files = Files.list(dir.resolve("cache/sizes"))) {
      hint = files.findFirst().orElseThrow();
    }
    for (String damaged : List.of("", "12x", "-5", "99999999999999999999")) {
      Files.writeString(hint, damaged);
      assertEquals(OptionalLong.empty(), sizes.lastRowsRead(config), "'" + damaged + "'");
    }
  }

  @Test
  void anUnwritableCacheIsSkipped() throws Exception {
    Path config = Files.writeString(dir.resolve("orders.yaml"), "name: orders\n");
    Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the folder should be");
    RunSizes sizes = new RunSizes(notAFolder);
    sizes.record(config, 10); // no exception: only a hint
    assertEquals(OptionalLong.empty(), sizes.lastRowsRead(config));
  }

  @Test
  void theCacheFolder() {
    assertEquals(Optional.of(Path.of("/c")), CacheFolder.of(Map.of("ACTITO_SYNC_CACHE", "/c", "XDG_CACHE_HOME", "/x"), "/h"));
    assertEquals(Optional.of(Path.of("/x/actito-sync")), CacheFolder.of(Map.of("XDG_CACHE_HOME", "/x"), "/h"));
    assertEquals(Optional.of(Path.of("/h/.cache/actito-sync")), CacheFolder.of(Map.of("ACTITO_SYNC_CACHE", " "), "/h"));
    assertEquals(Optional.empty(), CacheFolder.of(Map.of(), "?"));
    assertEquals(Optional.empty(), CacheFolder.of(Map.of(), null));
  }
}
