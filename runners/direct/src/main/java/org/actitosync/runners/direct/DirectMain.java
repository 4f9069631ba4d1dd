package org.actitosync.runners.direct;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.pipeline.launch.Launcher;

/**
 * {@code java -jar actito-sync-direct.jar}: runs one activation on Beam's DirectRunner, in this JVM.
 * For small data only (see runners/direct/README.md). Adds {@code --runner=DirectRunner} when the
 * command line names no runner; everything else (config, {@code --help}, exit codes) is the
 * launcher's.
 */
public final class DirectMain {
  private DirectMain() {}

  public static void main(String[] args) {
    System.exit(new Launcher(System.out, System.err).run(withDefaults(args)));
  }

  /** {@code args}, plus {@code --runner=DirectRunner} when they give no {@code --runner}. */
  static String[] withDefaults(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.stream().noneMatch(a -> a.equals("--runner") || a.startsWith("--runner="))) {
      all.add("--runner=DirectRunner");
    }
    return all.toArray(new String[0]);
  }
}
