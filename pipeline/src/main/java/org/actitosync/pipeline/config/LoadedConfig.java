package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.actitosync.pipeline.cli.RunOptions;

/**
 * What {@link ConfigLoader#load(String[])} returns: the validated activation and the arguments that
 * were not ours, in their original order, for {@code PipelineOptionsFactory.fromArgs(...)} (e.g.
 * {@code --runner=FlinkRunner --flinkMaster=[local]}).
 */
@AutoValue
public abstract class LoadedConfig {
  public abstract ActivationConfig config();

  public abstract List<String> pipelineArgs();

  /** The run's own options ({@code --dryRun}, {@code --runId}, …), parsed with the config. */
  public abstract RunOptions runOptions();

  public static LoadedConfig of(ActivationConfig config, List<String> pipelineArgs, RunOptions runOptions) {
    return new AutoValue_LoadedConfig(config, List.copyOf(pipelineArgs), runOptions);
  }

  /** {@link #pipelineArgs()} as an array. */
  public String[] pipelineArgsArray() {
    return pipelineArgs().toArray(new String[0]);
  }
}
