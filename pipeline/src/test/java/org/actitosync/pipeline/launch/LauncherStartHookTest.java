package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start hook (the Flink jar starts its embedded cluster there) runs once per run that
 * is not {@code --help}, before the config is read, with the logs already held: what it logs never
 * reaches the terminal, even when the run then stops on a bad config.
 */
class LauncherStartHookTest {
  @TempDir Path dir;

  @Test
  void runsBeforeTheConfigWithTheLogsHeld() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: [unclosed\n");
    AtomicInteger calls = new AtomicInteger();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Launcher launcher = new Launcher(new PrintStream(out, true), new PrintStream(err, true), rows -> {}, () -> {
      calls.incrementAndGet();
      Logger.getLogger("org.apache.flink.runtime.minicluster.MiniCluster").warning("Starting Flink Mini Cluster");
    });

    List<String> beforeTheRun = new CopyOnWriteArrayList<>(); // where records went before the launcher held them
    Handler console = new Handler() {
      @Override
      public void publish(LogRecord record) {
        beforeTheRun.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("").addHandler(console);
    try {
      assertEquals(ExitCode.CONFIG_ERROR.code(), launcher.run(new String[] {"--config=" + bad}));
    } finally {
      Logger.getLogger("").removeHandler(console);
    }
    assertEquals(1, calls.get(), "once, before the config was found bad");
    assertEquals(List.of(), beforeTheRun, "the hook ran before the logs were held");
    assertFalse((out + err.toString()).contains("Mini Cluster"), "logged on the terminal: " + out + err);
    assertTrue(err.toString().contains("config error"), err.toString());

    assertEquals(ExitCode.OK.code(), launcher.run(new String[] {"--help"}));
    assertEquals(1, calls.get(), "--help starts nothing");
  }
}
