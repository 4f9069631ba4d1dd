package org.actitosync.runners.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a runner's shaded jar as a user does ({@code java -jar}), in a child JVM of this test's
 * {@code java}: nothing of the test classpath leaks into it, so a broken shade fails here.
 */
public final class ShadedJar {
  private final Path jar;

  private ShadedJar(Path jar) {
    this.jar = jar;
  }

  /** The jar the build passed in system property {@code shadedJar} (set by failsafe in the pom). */
  public static ShadedJar fromBuild() {
    String path = System.getProperty("shadedJar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException("system property shadedJar must name the built jar (run through mvn verify): " + path);
    }
    return new ShadedJar(Path.of(path).toAbsolutePath());
  }

  public Path path() {
    return jar;
  }

  /** {@code java} of the JVM running this test. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs {@code java <jvmOptions> -jar <jar> <args>}; stdout and stderr together go to {@code log}.
   * The process is killed when it outlives {@code timeout}: a guard against a hang, not a speed
   * test. The jar ITs give a small run 5 minutes: alone it takes about 10 s, but in the suite it
   * shares 2 cores with the other modules' tests (up to 61 s measured for a 5-row Direct run).
   */
  public Run run(Path log, Duration timeout, List<String> jvmOptions, String... args) {
    return run(log, timeout, Map.of(), jvmOptions, args);
  }

  /** {@link #run(Path, Duration, List, String...)} with {@code env} added to the JVM's environment. */
  public Run run(Path log, Duration timeout, Map<String, String> env, List<String> jvmOptions, String... args) {
    long started = System.nanoTime();
    Process process = null;
    try {
      process = start(log, env, jvmOptions, args);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("java -jar " + jar.getFileName() + " still running after " + timeout + ":\n" + tail(log));
      }
      return new Run(process.exitValue(), Files.readString(log), Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar> <args>} and returns at once: the process is the JVM
   * itself (no shell in between), so {@link Process#destroyForcibly()} is a SIGKILL of the JVM.
   * stdout and stderr together go to {@code log}.
   */
  public Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    return start(log, Map.of(), jvmOptions, args);
  }

  /** {@link #start(Path, List, String...)} with {@code env} added to the JVM's environment. */
  public Process start(Path log, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** The last lines of a log, for failure messages. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** A finished run: exit code, everything it printed, how long it took. */
  public record Run(int code, String output, Duration took) {}
}
