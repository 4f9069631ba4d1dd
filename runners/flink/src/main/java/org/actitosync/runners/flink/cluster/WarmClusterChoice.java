package org.actitosync.runners.flink.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a run of the Flink jar can start its embedded cluster before Beam builds the job, read
 * from the command line as given (before {@code FlinkDefaults}, so the cluster starts while Beam's
 * options are still being read). Pure: everything it reads is passed in.
 *
 * <p>It can when the run asks for what {@code FlinkDefaults} would make an embedded cluster: the
 * Flink runner (no {@code --runner}, or {@code FlinkRunner}), no {@code --flinkMaster} or {@code
 * [local]}, a positive {@code --parallelism} or none (then the machine's cores), and nothing that
 * ends the run before a job: {@code --help} ({@code -h}), {@code --check}, {@code --attachedMode=false} (refused).
 * Any option it cannot read for certain (given twice, a value that is no number) means no: the run
 * then goes as before, and Beam or the launcher says what is wrong.
 *
 * @param parallelism the job's parallelism, and so the cluster's task slots
 * @param flinkConfDir Beam's {@code --flinkConfDir}, when given
 */
public record WarmClusterChoice(int parallelism, Optional<String> flinkConfDir) {
  private static final Set<String> FLINK_RUNNER =
      Set.of("flinkrunner", "org.apache.beam.runners.flink.flinkrunner");
  private static final Set<String> NO_JOB = Set.of("help", "check", "version");

  public WarmClusterChoice {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
    }
  }

  /** The cluster to start for {@code args}, or empty when the run may not use one. */
  public static Optional<WarmClusterChoice> of(List<String> args, int cores) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.equals("-h")) {
        return Optional.empty();
      }
      if (!arg.startsWith("--")) {
        continue; // a value of ours (picocli's "--config a.yaml" form): not a Beam option
      }
      int equals = arg.indexOf('=');
      String name = (equals < 0 ? arg.substring(2) : arg.substring(2, equals));
      if (NO_JOB.contains(name) || name.startsWith("help")) {
        return Optional.empty();
      }
      if (options.put(name, equals < 0 ? "" : arg.substring(equals + 1)) != null) {
        return Optional.empty();
      }
    }
    String runner = options.get("runner");
    if (runner != null && !FLINK_RUNNER.contains(runner.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String master = options.get("flinkMaster");
    if (master != null && !master.equals("[local]")) {
      return Optional.empty();
    }
    String attached = options.get("attachedMode");
    if (attached != null && !attached.isEmpty() && !attached.equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    int parallelism = cores;
    if (options.containsKey("parallelism")) {
      try {
        parallelism = Integer.parseInt(options.get("parallelism"));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (parallelism < 1) {
        return Optional.empty();
      }
    }
    String confDir = options.get("flinkConfDir");
    return Optional.of(new WarmClusterChoice(parallelism,
        confDir == null || confDir.isEmpty() ? Optional.empty() : Optional.of(confDir)));
  }
}
