package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerPlacementTest {
  @Test
  void onlyTheDirectRunnerAndFlinksEmbeddedClusterRunEverythingHere() {
    assertTrue(RunnerPlacement.inThisJvm(List.of()));
    assertTrue(RunnerPlacement.inThisJvm(List.of("--runner=DirectRunner", "--targetParallelism=2")));
    assertTrue(RunnerPlacement.inThisJvm(List.of("--runner=FlinkRunner", "--flinkMaster=[local]")));
    assertTrue(RunnerPlacement.inThisJvm(
        List.of("--runner=org.apache.beam.runners.flink.FlinkRunner", "--flinkMaster=host:8081", "--flinkMaster=[local]")));
    assertFalse(RunnerPlacement.inThisJvm(List.of("--runner=FlinkRunner", "--flinkMaster=localhost:8081")));
    assertFalse(RunnerPlacement.inThisJvm(List.of("--runner=FlinkRunner")), "[auto] may submit to a cluster");
    assertFalse(RunnerPlacement.inThisJvm(List.of("--runner=DataflowRunner", "--project=p")));
  }
}
