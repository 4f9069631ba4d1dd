package org.actitosync.runners.dataflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.actitosync.pipeline.cli.RunOptions;
import org.actitosync.pipeline.config.ConfigSchema;
import org.actitosync.pipeline.launch.BeamOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Helpers over the {@code --name=value} arguments a Flex Template passes to the main class. Beam's
 * options are read by Beam ({@link BeamOptions}); {@link #value} reads our config settings only.
 */
final class DataflowArgs {
  static final String DEFAULT_RUNNER = "DataflowRunner";

  private DataflowArgs() {}

  /** The value of the config setting {@code --name=value} (the last one wins), if given. */
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

  /** {@code args} plus {@code --runner=DataflowRunner} when they give no runner (read by Beam). */
  static List<String> withDefaultRunner(List<String> args) {
    Optional<PipelineOptions> given = BeamOptions.read(args, PipelineOptions.class);
    if (given.isEmpty() || BeamOptions.given(given.get(), "runner")) {
      return args;
    }
    List<String> result = new ArrayList<>(args);
    result.add("--runner=" + DEFAULT_RUNNER);
    return result;
  }

  /**
   * The arguments Beam sees: not {@code --config}, {@code --help}, a config setting nor a run option
   * ({@code --dryRun}, …: picocli's, {@link RunOptions}).
   */
  static List<String> beamArgs(List<String> args) {
    Set<String> ours = new HashSet<>(List.of("config", "help"));
    ConfigSchema.options().forEach(s -> ours.add(s.path().split("\\.")[0]));
    RunOptions.mixin().options().forEach(o -> ours.add(o.longestName().substring(2)));
    List<String> result = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue;
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(2, eq < 0 ? arg.length() : eq);
      if (!ours.contains(name.split("\\.")[0])) {
        result.add(arg);
      }
    }
    return result;
  }
}
