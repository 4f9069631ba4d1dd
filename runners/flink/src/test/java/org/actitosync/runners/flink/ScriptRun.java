package org.actitosync.runners.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the repository's scripts ({@code scripts/demo.sh}, {@code scripts/airflow/test.sh})
 * from the repository's root, with its output in a file under {@code target/}: the suite's script
 * checks run as integration tests of this module, once its shaded jar is built, beside the other
 * jar ITs (FlinkClusterIT spends minutes waiting on Actito's call budget).
 */
final class ScriptRun {
  final int code;
  final String output;
  final Path log;

  private ScriptRun(int code, String output, Path log) {
    this.code = code;
    this.output = output;
    this.log = log;
  }

  /** Runs {@code script} (relative to the repository's root) with bash, within {@code timeout}. */
  static ScriptRun of(String script, Duration timeout) throws IOException, InterruptedException {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent().getParent();
    if (!Files.isRegularFile(root.resolve(script))) {
      throw new IllegalStateException("no " + script + " under " + root);
    }
    Path log = module.resolve("target").resolve(script.replace('/', '_') + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", script)).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // The scripts' JVMs (the jars, the demo's database) run small data for a minute or so: C1 only and
    // the serial GC halve their CPU on these 2-core machines (the demo: 112 → 53 CPU seconds, 81 →
    // 62 s), as the jar ITs' JVMs already run. Each JVM notes the option on its stderr (one line).
    builder.environment().put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process p = builder.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
      return new ScriptRun(-1, Files.readString(log) + "\n(timed out after " + timeout + ")", log);
    }
    return new ScriptRun(p.exitValue(), Files.readString(log), log);
  }

  /** The last {@code n} lines of the output. */
  String tail(int n) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
