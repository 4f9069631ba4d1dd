package org.actitosync.runners.direct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actitosync.pipeline.launch.BeamOptions;
import org.actitosync.pipeline.launch.Launcher;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;

/**
 * {@code java -jar actito-sync-direct.jar}: runs one activation on Beam's DirectRunner, in this JVM.
 * For small data only (see runners/direct/README.md). Adds {@code --runner=DirectRunner} when the
 * command line names no runner, and on the DirectRunner {@code --blockOnRun=false} unless given, so
 * that {@code run()} returns while the job runs and the launcher prints its progress from the job's
 * metrics; everything else (config, {@code --help}, exit codes) is the launcher's.
 */
public final class DirectMain {
  private DirectMain() {}

  public static void main(String[] args) {
    System.exit(new Launcher(System.out, System.err).run(withDefaults(args)));
  }

  /**
   * {@code args}, plus {@code --runner=DirectRunner} when they give no {@code --runner}, plus
   * {@code --blockOnRun=false} on the DirectRunner when they do not give it.
   */
  static String[] withDefaults(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    Optional<DirectOptions> read = BeamOptions.read(all, DirectOptions.class);
    if (read.isEmpty()) {
      return args; // Beam cannot read them: the launcher says why
    }
    boolean runnerGiven = BeamOptions.given(read.get(), "runner");
    if (!runnerGiven) {
      all.add("--runner=DirectRunner");
    }
    boolean direct = !runnerGiven || read.get().getRunner() == DirectRunner.class;
    if (direct && !BeamOptions.given(read.get(), "blockOnRun")) {
      all.add("--blockOnRun=false");
    }
    return all.toArray(new String[0]);
  }
}
