package org.actitosync.runners.flink.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.actitosync.pipeline.launch.Launcher;
import org.actitosync.runners.flink.FlinkDefaults;

/**
 * Which JVM options a run of the Flink jar gets when it starts itself again in a tuned JVM
 * ({@link Relaunch}), or why it keeps the JVM it was started in. Pure: everything it reads is
 * passed in.
 *
 * <p>The choice, measured on the benchmark's activations (docs/benchmarks.md, "JVM tuning by the
 * jar"):
 *
 * <ul>
 *   <li><b>Kept as started</b> when the user chose: {@code ACTITO_SYNC_JVM=as-started}; any option
 *       that picks the garbage collector, the JIT or class data sharing; an agent, a debugger or a
 *       flight recording (they belong to the JVM the user started); {@code JAVA_TOOL_OPTIONS}, {@code
 *       JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS} set; a class path of the user's ({@code -cp jar:driver.jar
 *       …}, which {@code -jar} would drop); {@code --help}. Also when this JVM is already the tuned
 *       one, or the jar is not run from a file.
 *   <li><b>C1 only and the serial collector</b> ({@link #SMALL}) when the job's rows are processed
 *       in another JVM (a remote {@code --flinkMaster}: this one only builds and submits the job) or
 *       when the last completed run of the same config on this machine read fewer than {@link
 *       #SMALL_ROWS} rows: the C2 compiler then costs more CPU than it saves.
 *   <li><b>C2 with less inlining, later</b> ({@link #LARGE}) otherwise: a first run, or a large one,
 *       where the C2-compiled per-row code pays for its compilation. The JVM's defaults compile so
 *       much, so early, that the compiler threads took 30 % of a 1,000,000-row run's CPU on 2 cores;
 *       with smaller inlined bodies and C2 for the hotter methods only, the same run took 8–42 %
 *       less time in ten interleaved pairs, 25 % in the median (docs/benchmarks.md). The default
 *       collector.
 *   <li>In every tuned JVM, the jar's class archive ({@link ClassArchive}) when it exists, else the
 *       option that lists the classes the run loads, from which the archive is built after it.
 * </ul>
 *
 * <p>None of these options changes what a run does, only how fast its JVM starts and compiles.
 */
public record JvmChoice(List<String> options, String description) {
  /** The environment variable that keeps the JVM as started: {@code ACTITO_SYNC_JVM=as-started}. */
  public static final String ENV = "ACTITO_SYNC_JVM";
  /** {@link #ENV}'s value that turns the tuning off. */
  public static final String AS_STARTED = "as-started";
  /** The system property that marks the tuned JVM and describes its options (in run.log). */
  public static final String TUNED_PROPERTY = Launcher.TUNED_JVM;
  /**
   * Below this many rows read by the last run, C1 only. Measured (docs/benchmarks.md): C1 halves the
   * pipeline at 100,000 rows, breaks even near 300,000 and is 1.5–1.9× slower at 1,000,000.
   */
  public static final long SMALL_ROWS = 200_000;
  /** The options of a small run, or of a JVM that only submits the job. */
  public static final List<String> SMALL = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /**
   * The options of every other run: C2 inlines smaller methods ({@code FreqInlineSize}, default
   * 325 bytecodes; {@code InlineSmallCode}, default 2,500 bytes of machine code) and compiles a method
   * after three times the JVM's default invocations, loop iterations and their sum (tier 4).
   */
  public static final List<String> LARGE = List.of("-XX:FreqInlineSize=150", "-XX:InlineSmallCode=1000",
      "-XX:Tier4InvocationThreshold=15000", "-XX:Tier4CompileThreshold=30000", "-XX:Tier4BackEdgeThreshold=120000");

  /** Options of the user's JVM that mean "this JVM is chosen": their prefixes. */
  private static final List<String> CHOSEN = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
      "-XX:+TieredCompilation", "-XX:CompileThresholdScaling", "-XX:FreqInlineSize", "-XX:InlineSmallCode",
      "-XX:MaxInlineSize", "-XX:MaxInlineLevel", "-XX:Tier4", "-Xint", "-Xcomp", "-Xshare", "-XX:SharedArchiveFile",
      "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-XX:SharedClassListFile", "-agentlib", "-agentpath",
      "-javaagent", "-Xdebug", "-Xrunjdwp", "-XX:StartFlightRecording", "-XX:+StartFlightRecording",
      "-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC",
      "-XX:+UseEpsilonGC", "-D" + TUNED_PROPERTY);
  private static final List<String> JVM_ENV = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  public JvmChoice {
    options = List.copyOf(options);
  }

  /**
   * Why this JVM runs the job as it is, if it does.
   *
   * @param jvmOptions this JVM's options ({@code RuntimeMXBean.getInputArguments()})
   * @param env the environment
   * @param args the command line of the run
   * @param jar the jar this code runs from, if it runs from a jar file
   * @param classPath this JVM's class path ({@code java.class.path})
   */
  public static Optional<String> keepAsStarted(List<String> jvmOptions, Map<String, String> env, List<String> args,
      Optional<Path> jar, String classPath) {
    if (AS_STARTED.equals(env.get(ENV))) {
      return Optional.of(ENV + "=" + AS_STARTED);
    }
    Optional<String> chosen = jvmOptions.stream().filter(o -> CHOSEN.stream().anyMatch(o::startsWith)).findFirst();
    if (chosen.isPresent()) {
      return Optional.of("the JVM option " + chosen.get().replaceFirst("=.*", "=…"));
    }
    Optional<String> jvmEnv = JVM_ENV.stream().filter(v -> !env.getOrDefault(v, "").isBlank()).findFirst();
    if (jvmEnv.isPresent()) {
      return Optional.of(jvmEnv.get() + " is set");
    }
    if (jar.isEmpty()) {
      return Optional.of("not run from a jar file");
    }
    if (!Path.of(classPath).toAbsolutePath().normalize().equals(jar.get().toAbsolutePath().normalize())) {
      return Optional.of("a class path of its own (-cp)"); // e.g. another JDBC driver beside the jar
    }
    if (args.contains("--help") || args.contains("-h")) {
      return Optional.of("--help");
    }
    return Optional.empty();
  }

  /**
   * The options of the tuned JVM.
   *
   * @param args the command line of the run
   * @param lastRowsRead the rows the last completed run of its config read on this machine, if known
   * @param archive the jar's class archive, if it exists
   * @param classList where this run lists its classes when there is no archive yet
   */
  public static JvmChoice choose(List<String> args, OptionalLong lastRowsRead, Optional<Path> archive,
      Path classList) {
    List<String> options = new ArrayList<>();
    List<String> why = new ArrayList<>();
    if (remoteMaster(args)) {
      options.addAll(SMALL);
      why.add("C1 and the serial collector (the job runs on the cluster)");
    } else if (lastRowsRead.isPresent() && lastRowsRead.getAsLong() < SMALL_ROWS) {
      options.addAll(SMALL);
      why.add("C1 and the serial collector (the last run read " + lastRowsRead.getAsLong() + " rows)");
    } else {
      options.addAll(LARGE);
      why.add("C2 with less inlining, later, and the default collector (" + (lastRowsRead.isPresent()
          ? "the last run read " + lastRowsRead.getAsLong() + " rows" : "no earlier run of this config") + ")");
    }
    if (archive.isPresent()) {
      options.add("-XX:SharedArchiveFile=" + archive.get());
      options.add("-Xshare:auto");
      why.add("the class archive");
    } else {
      options.add("-XX:DumpLoadedClassList=" + classList);
      why.add("listing its classes for the class archive");
    }
    options.add("-Xlog:cds=off,cds+dynamic=off"); // an archive the JVM cannot use is skipped without a word
    return new JvmChoice(options, String.join(", ", why));
  }

  /** True when {@code --flinkMaster} names a cluster: this JVM then only builds and submits the job. */
  static boolean remoteMaster(List<String> args) {
    boolean flink = args.stream().filter(a -> a.startsWith("--runner=")).allMatch(a -> a.endsWith("FlinkRunner"));
    Optional<String> master = args.stream().filter(a -> a.startsWith("--flinkMaster="))
        .map(a -> a.substring("--flinkMaster=".length())).reduce((first, last) -> last);
    return flink && master.isPresent() && !master.get().isBlank() && !FlinkDefaults.NOT_REMOTE.contains(master.get());
  }
}
