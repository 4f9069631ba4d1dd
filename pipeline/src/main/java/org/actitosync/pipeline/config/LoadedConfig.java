package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.util.List;

/**
 * What {@link ConfigLoader#load(String[])} returns: the validated activation and the arguments that
 * were not ours, in their original order, for {@code PipelineOptionsFactory.fromArgs(...)} (e.g.
 * {@code --runner=FlinkRunner --flinkMaster=[local]}).
 */
@AutoValue
public abstract class LoadedConfig {
  public abstract ActivationConfig config();

  public abstract List<String> pipelineArgs();

  public static LoadedConfig of(ActivationConfig config, List<String> pipelineArgs) {
    return new AutoValue_LoadedConfig(config, List.copyOf(pipelineArgs));
  }

  /** {@link #pipelineArgs()} as an array. */
  public String[] pipelineArgsArray() {
    return pipelineArgs().toArray(new String[0]);
  }
}
