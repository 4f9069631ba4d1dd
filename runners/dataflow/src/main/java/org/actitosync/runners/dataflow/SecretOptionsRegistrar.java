package org.actitosync.runners.dataflow;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Registers this runner's options with {@code
 * PipelineOptionsFactory} through {@code META-INF/services}, on the launcher and on the workers.
 */
public final class SecretOptionsRegistrar implements PipelineOptionsRegistrar {
  @Override
  public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
    return List.of(SecretManagerOptions.class);
  }
}
