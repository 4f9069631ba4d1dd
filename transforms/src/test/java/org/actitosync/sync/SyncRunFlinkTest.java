package org.actitosync.sync;

import java.nio.file.Path;
import org.actitosync.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same graph and assertions as {@link SyncRunPipelineTest}, on the Flink runner's embedded
 * cluster ({@code --flinkMaster=[local]}), both runs on Flink.
 */
class SyncRunFlinkTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.flinkLocal();

  @TempDir Path root;

  @Test
  void twoRunsOnTheEmbeddedFlinkCluster() {
    SyncRunPipelineTest.secondRun(
        beam.pipeline(), root, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }
}
