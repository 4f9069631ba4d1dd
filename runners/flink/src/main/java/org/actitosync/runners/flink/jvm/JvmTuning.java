package org.actitosync.runners.flink.jvm;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The jar's JVM tuning, from {@code main}: start the run again in a JVM tuned for it ({@link
 * JvmChoice}, {@link Relaunch}), then build the class archive if that run had none ({@link
 * ClassArchive}); in the tuned JVM, watch the parent and record the run's size ({@link RunSizes}).
 * Everything here only changes how fast a run starts; when anything of it is unavailable (no cache
 * folder, a child that cannot start), the run goes on in the JVM the user started.
 */
public final class JvmTuning {
  /** Exit codes of runs that went through the pipeline: their class list is worth an archive. */
  private static final Set<Integer> COMPLETED = Set.of(0, 5, 7);

  private final Map<String, String> env;
  private final Optional<Path> cache;
  private final Optional<Path> jar;
  private final PrintStream err;

  public JvmTuning(Map<String, String> env, String userHome, Optional<Path> jar, PrintStream err) {
    this.env = env;
    this.cache = CacheFolder.of(env, userHome);
    this.jar = jar;
    this.err = err;
  }

  /**
   * Runs {@code args} in a tuned child JVM, unless this JVM is to run them ({@link
   * JvmChoice#keepAsStarted}, or it is the tuned one, or no child can start).
   *
   * @return the child's exit code, or empty when this JVM runs the job
   */
  public OptionalInt relaunch(List<String> args) {
    if (System.getProperty(JvmChoice.TUNED_PROPERTY) != null) {
      ProcessHandle.current().parent()
          .filter(parent -> Long.toString(parent.pid()).equals(System.getProperty(Relaunch.PARENT_PROPERTY)))
          .ifPresent(Relaunch::haltWhenParentDies); // not when the same command is run by hand
      return OptionalInt.empty();
    }
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (cache.isEmpty()
        || JvmChoice.keepAsStarted(jvmOptions, env, args, jar, System.getProperty("java.class.path", "")).isPresent()) {
      return OptionalInt.empty();
    }
    try {
      ClassArchive archive = new ClassArchive(cache.get(), jar.get(), runtime());
      archive.prepare();
      Path classList = archive.classList(ProcessHandle.current().pid());
      Optional<Path> existing = archive.archive();
      OptionalLong lastRows = RunSizes.configOf(args).map(new RunSizes(cache.get())::lastRowsRead)
          .orElse(OptionalLong.empty());
      JvmChoice choice = JvmChoice.choose(args, lastRows, existing, classList);
      List<String> command = Relaunch.command(java(), jvmOptions, choice, jar.get(), args);
      int code = Relaunch.run(command);
      if (existing.isEmpty() && COMPLETED.contains(code) && !args.contains("--check")) {
        err.println("actito-sync: building the class archive that speeds up the next runs of this jar (once per"
            + " jar and Java runtime; " + JvmChoice.ENV + "=" + JvmChoice.AS_STARTED + " turns it off)");
        archive.build(java(), classList).ifPresent(why ->
            err.println("actito-sync: warning: no class archive: " + why + "; the runs are not affected"));
      } else {
        archive.discard(classList);
      }
      return OptionalInt.of(code);
    } catch (IOException e) {
      return OptionalInt.empty(); // no cache folder or no child JVM: this JVM runs the job
    }
  }

  /**
   * Records the rows a completed run read, for the next run's {@link JvmChoice}; only in the tuned
   * JVM (a JVM the user chose leaves the cache folder alone).
   */
  public void recordRowsRead(List<String> args, long rows) {
    if (System.getProperty(JvmChoice.TUNED_PROPERTY) == null) {
      return;
    }
    cache.ifPresent(dir -> RunSizes.configOf(args).ifPresent(config -> new RunSizes(dir).record(config, rows)));
  }

  private static String runtime() {
    return System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
