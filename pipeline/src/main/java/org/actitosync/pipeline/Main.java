package org.actitosync.pipeline;

import org.actitosync.pipeline.launch.Launcher;

/** {@code actito-sync}: runs one activation; see {@code --help}. The exit code tells the outcome. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new Launcher(System.out, System.err).run(args));
  }
}
