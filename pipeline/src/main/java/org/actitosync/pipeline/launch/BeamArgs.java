package org.actitosync.pipeline.launch;

import java.util.List;
import java.util.Optional;

/** Reads Beam options from a command line as Beam spells them: {@code --name=value} or a bare {@code --name}. */
public final class BeamArgs {
  private BeamArgs() {}

  /** The value of {@code --name=value} ({@code ""} for a bare {@code --name}), the last one winning. */
  public static Optional<String> value(List<String> args, String name) {
    Optional<String> found = Optional.empty();
    for (String arg : args) {
      if (arg.equals("--" + name)) {
        found = Optional.of("");
      } else if (arg.startsWith("--" + name + "=")) {
        found = Optional.of(arg.substring(name.length() + 3));
      }
    }
    return found;
  }
}
