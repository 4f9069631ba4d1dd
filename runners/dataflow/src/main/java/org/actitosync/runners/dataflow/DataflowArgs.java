package org.actitosync.runners.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.actitosync.pipeline.config.ConfigSchema;

/** Pure helpers over the {@code --name=value} arguments a Flex Template passes to the main class. */
final class DataflowArgs {
  static final String DEFAULT_RUNNER = "DataflowRunner";

  /**
   * The config's sections: {@code --target.x}, {@code --mode}, … are ours; {@code --runner} stays
   * Beam's (the file's runner section has no override).
   */
  private static final Set<String> CONFIG_SECTIONS = ConfigSchema.topLevelKeys().stream()
      .filter(section -> !section.equals("runner")).collect(Collectors.toSet());

  private DataflowArgs() {}

  /** The value of {@code --name=value} (the last one wins, like Beam), if given. */
  static Optional<String> value(List<String> args, String name) {
    String prefix = "--" + name + "=";
    Optional<String> found = Optional.empty();
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        found = Optional.of(arg.substring(prefix.length()));
      } else if (arg.equals("--" + name)) {
        found = Optional.of("");
      }
    }
    return found;
  }

  /** {@code args} plus {@code --runner=DataflowRunner} when no runner is given. */
  static List<String> withDefaultRunner(List<String> args) {
    if (value(args, "runner").isPresent()) {
      return args;
    }
    List<String> result = new ArrayList<>(args);
    result.add("--runner=" + DEFAULT_RUNNER);
    return result;
  }

  /** The arguments Beam sees: not {@code --config}, {@code --help} nor a config setting. */
  static List<String> beamArgs(List<String> args) {
    List<String> result = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue;
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(2, eq < 0 ? arg.length() : eq);
      String section = name.split("\\.")[0];
      if (!name.equals("config") && !name.equals("help") && !CONFIG_SECTIONS.contains(section)) {
        result.add(arg);
      }
    }
    return result;
  }
}
