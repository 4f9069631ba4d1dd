package org.actitosync.pipeline.launch;

import java.util.List;

/**
 * Whether the Beam options given run the whole pipeline in this JVM: the DirectRunner (Beam's
 * default) or the Flink runner's embedded cluster ({@code --flinkMaster=[local]}). Then every
 * writer shard shares this JVM's rate budget, which can be given whole from the first call.
 */
final class RunnerPlacement {
  private RunnerPlacement() {}

  static boolean inThisJvm(List<String> pipelineArgs) {
    String runner = BeamArgs.value(pipelineArgs, "runner").orElse("DirectRunner");
    if (runner.endsWith("DirectRunner")) {
      return true;
    }
    if (runner.endsWith("FlinkRunner")) {
      return BeamArgs.value(pipelineArgs, "flinkMaster").map("[local]"::equals).orElse(false);
    }
    return false;
  }
}
