package org.actitosync.pipeline.launch;

import java.beans.Introspector;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * Beam's options of a command line, read by Beam's own {@link PipelineOptionsFactory} (for the
 * runners' defaults: which runner, master, parallelism the user gave). The arguments naming none of
 * the properties of Beam's registered option interfaces (ours: {@code --config}, settings, run
 * options) are left out; Beam reads the rest strictly, as the run will.
 */
public final class BeamOptions {
  private BeamOptions() {}

  /**
   * {@code args} read as {@code options}; empty when Beam refuses them (a malformed value, a runner
   * not in this jar: the launcher then reports it as a config error).
   */
  public static <T extends PipelineOptions> Optional<T> read(List<String> args, Class<T> options) {
    Set<Class<? extends PipelineOptions>> known = new HashSet<>(PipelineOptionsFactory.getRegisteredOptions());
    known.add(options);
    Set<String> names = known.stream().flatMap(iface -> Arrays.stream(iface.getMethods()))
        .filter(m -> m.getParameterCount() == 0 && m.getName().matches("(get|is)[A-Z].*"))
        .map(m -> Introspector.decapitalize(m.getName().substring(m.getName().startsWith("is") ? 2 : 3)))
        .collect(Collectors.toSet());
    String[] beam = args.stream().filter(arg -> names.contains(name(arg))).toArray(String[]::new);
    try {
      return Optional.of(PipelineOptionsFactory.fromArgs(beam).as(options));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the command line gave {@code property} (a default value is not given). */
  public static boolean given(PipelineOptions options, String property) {
    return DisplayData.from(options).items().stream().anyMatch(item -> item.getKey().equals(property));
  }

  /** The option an argument names ({@code --name=value} or {@code --name}), or "" for none. */
  private static String name(String arg) {
    if (!arg.startsWith("--")) {
      return "";
    }
    int eq = arg.indexOf('=');
    return arg.substring(2, eq < 0 ? arg.length() : eq);
  }
}
