package org.actitosync.pipeline.launch;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * Beam's options of a command line, read by Beam's own {@link PipelineOptionsFactory} (for the
 * runners' defaults: which runner, master, parallelism the user gave). Our options on the same
 * command line are ignored here (they are the launcher's).
 */
public final class BeamOptions {
  private BeamOptions() {}

  /**
   * {@code args} read as {@code options}, ignoring what Beam does not know; empty when Beam
   * cannot read them (a malformed value: the launcher then reports it as a config error).
   */
  public static <T extends PipelineOptions> Optional<T> read(List<String> args, Class<T> options) {
    try {
      return Optional.of(PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withoutStrictParsing().as(options));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the command line gave {@code property} (a default value is not given). */
  public static boolean given(PipelineOptions options, String property) {
    return DisplayData.from(options).items().stream().anyMatch(item -> item.getKey().equals(property));
  }
}
