package org.actitosync.pipeline.launch;

import org.actitosync.guard.GuardPolicy;
import org.actitosync.pipeline.cli.RunOptions;
import org.actitosync.pipeline.config.GuardThresholds;

/**
 * The run's {@link GuardPolicy}: thresholds from the config's {@code warnings} section (typed and
 * validated with the rest of the config, see {@link GuardThresholds}) and confirmations from the
 * command line.
 */
final class Guards {
  private Guards() {}

  static GuardPolicy policy(GuardThresholds thresholds, RunOptions options) {
    return GuardPolicy.of(thresholds.maxDeletes(), thresholds.maxDeleteShare(), thresholds.maxShrinkShare(),
        thresholds.maxMappingUpdateShare(), options.confirmDeletes(), options.confirmRows(),
        options.confirmMappingUpdates());
  }
}
