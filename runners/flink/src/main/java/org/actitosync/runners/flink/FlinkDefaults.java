package org.actitosync.runners.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actitosync.pipeline.launch.BeamOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The Flink jar's default Beam options, added only when the command line does not give them (an
 * explicit option always wins; everything else is left to the launcher):
 *
 * <ul>
 *   <li>no {@code --runner}: {@code --runner=FlinkRunner};
 *   <li>Flink runner and no {@code --flinkMaster}: {@code --flinkMaster=[local]}, an embedded Flink
 *       cluster in this JVM (nothing to install);
 *   <li>embedded cluster and no {@code --parallelism}: {@code --parallelism=<cores of this machine>}.
 *       A remote cluster is left to its own {@code parallelism.default}: its task slots are not this
 *       machine's cores, and a parallelism above them would wait for slots forever;
 *   <li>remote master ({@code --flinkMaster=host:port}) and no {@code --filesToStage}: {@code
 *       --filesToStage=<this shaded jar>}, the one file the cluster needs to run the job.
 * </ul>
 *
 * <p>Other runners ({@code --runner=DirectRunner}, …) get no Flink option. The options are read
 * by Beam's {@code PipelineOptionsFactory} ({@link BeamOptions}), as the run will read them.
 */
public final class FlinkDefaults {
  /** The masters that mean "no cluster to submit to": Beam's embedded and auto-detected ones. */
  public static final List<String> NOT_REMOTE = List.of("[local]", "[auto]", "[collection]");

  private FlinkDefaults() {}

  /**
   * @param args the command line as given
   * @param cores the number of cores of this machine
   * @param ownJar the shaded jar this code runs from, if it runs from a jar
   * @return {@code args} followed by the defaults that apply
   */
  public static List<String> apply(List<String> args, int cores, Optional<Path> ownJar) {
    Optional<FlinkPipelineOptions> read = BeamOptions.read(args, FlinkPipelineOptions.class);
    if (read.isEmpty()) {
      return args; // Beam cannot read them: the launcher says why
    }
    FlinkPipelineOptions given = read.get();
    List<String> all = new ArrayList<>(args);
    if (!BeamOptions.given(given, "runner")) {
      all.add("--runner=FlinkRunner");
    } else if (!isFlink(given)) {
      return all;
    }
    boolean masterGiven = BeamOptions.given(given, "flinkMaster");
    if (!masterGiven) {
      all.add("--flinkMaster=[local]");
    }
    String master = given.getFlinkMaster();
    boolean remote = masterGiven && !master.isBlank() && !NOT_REMOTE.contains(master);
    if (!remote && (!masterGiven || master.equals("[local]")) && !BeamOptions.given(given, "parallelism")) {
      all.add("--parallelism=" + cores);
    }
    if (remote && !BeamOptions.given(given, "filesToStage") && ownJar.isPresent()) {
      all.add("--filesToStage=" + ownJar.get());
    }
    return all;
  }

  /**
   * Why the command line cannot run, if it asks for the Flink runner's detached mode ({@code
   * --attachedMode=false}): a detached job that fails ends as state FAILED without its cause, so a
   * guard refusal, a commit conflict or an authentication error would exit 1 instead of 4, 6 or 3;
   * and on the embedded cluster, the end of the job shuts the cluster down under the launcher's
   * wait, so even a run that committed exits 1 (observed: "MiniCluster is not yet running or has
   * already been shut down").
   */
  public static Optional<String> unsupported(List<String> args) {
    Optional<FlinkPipelineOptions> given = BeamOptions.read(args, FlinkPipelineOptions.class);
    if (given.isEmpty() || (BeamOptions.given(given.get(), "runner") && !isFlink(given.get()))) {
      return Optional.empty();
    }
    if (!given.get().getAttachedMode()) {
      return Optional.of("--attachedMode=false: the Flink runner then loses a failed job's cause (exit codes"
          + " 3, 4 and 6 would become 1) and, on the embedded cluster, fails runs that committed; run attached"
          + " (the default)");
    }
    return Optional.empty();
  }

  private static boolean isFlink(PipelineOptions options) {
    return options.getRunner().getName().equals("org.apache.beam.runners.flink.FlinkRunner");
  }
}
