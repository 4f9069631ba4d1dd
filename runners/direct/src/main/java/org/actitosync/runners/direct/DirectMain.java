package org.actitosync.runners.direct;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.pipeline.launch.BeamArgs;
import org.actitosync.pipeline.launch.Launcher;

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
    String runner = BeamArgs.value(all, "runner").orElse(null);
    if (runner == null) {
      all.add("--runner=DirectRunner");
    }
    boolean direct = runner == null || runner.equals("DirectRunner")
        || runner.equals("org.apache.beam.runners.direct.DirectRunner");
    if (direct && BeamArgs.value(all, "blockOnRun").isEmpty()) {
      all.add("--blockOnRun=false");
    }
    return all.toArray(new String[0]);
  }
}
