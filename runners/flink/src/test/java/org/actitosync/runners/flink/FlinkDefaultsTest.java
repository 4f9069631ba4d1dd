package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlinkDefaultsTest {
  static final Optional<Path> JAR = Optional.of(Path.of("/opt/actito-sync-flink.jar"));

  @Test
  void nothingGivenMeansFlinkEmbeddedOnEveryCore() {
    assertEquals(List.of("--config=a.yaml", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=8"),
        FlinkDefaults.apply(List.of("--config=a.yaml"), 8, JAR));
  }

  @Test
  void explicitOptionsWin() {
    List<String> args = List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=3");
    assertEquals(args, FlinkDefaults.apply(args, 8, JAR));
  }

  @Test
  void aRemoteMasterStagesThisJarAndKeepsTheClustersParallelism() {
    assertEquals(List.of("--flinkMaster=flink:8081", "--runner=FlinkRunner", "--filesToStage=" + JAR.get()),
        FlinkDefaults.apply(List.of("--flinkMaster=flink:8081"), 8, JAR));
  }

  @Test
  void aRemoteMasterKeepsTheGivenFilesToStage() {
    List<String> args = List.of("--runner=FlinkRunner", "--flinkMaster=flink:8081", "--filesToStage=/x.jar");
    assertEquals(args, FlinkDefaults.apply(args, 8, JAR));
  }

  @Test
  void noJarNoStaging() {
    assertEquals(List.of("--flinkMaster=flink:8081", "--runner=FlinkRunner"),
        FlinkDefaults.apply(List.of("--flinkMaster=flink:8081"), 8, Optional.empty()));
  }

  @Test
  void anotherRunnerGetsNoFlinkOption() {
    List<String> args = List.of("--runner=DirectRunner", "--config=a.yaml");
    assertEquals(args, FlinkDefaults.apply(args, 8, JAR));
  }

  @Test
  void beamReadsItsOptionsAndOursAreLeftToTheLauncher() {
    assertEquals(List.of("--dryRun", "--parallelism=3", "--config=a.yaml", "--runner=FlinkRunner", "--flinkMaster=[local]"),
        FlinkDefaults.apply(List.of("--dryRun", "--parallelism=3", "--config=a.yaml"), 8, JAR));
    List<String> malformed = List.of("--parallelism=many");
    assertEquals(malformed, FlinkDefaults.apply(malformed, 8, JAR), "the launcher reports what Beam cannot read");
  }

  @Test
  void theDetachedModeIsRefusedOnFlinkOnly() {
    assertEquals(Optional.empty(), FlinkDefaults.unsupported(List.of("--config=a.yaml")));
    assertEquals(Optional.empty(), FlinkDefaults.unsupported(List.of("--attachedMode=true")));
    assertEquals(true, FlinkDefaults.unsupported(List.of("--attachedMode=false")).orElseThrow()
        .startsWith("--attachedMode=false: the Flink runner then loses a failed job's cause"));
    assertEquals(true, FlinkDefaults.unsupported(
        List.of("--runner=FlinkRunner", "--flinkMaster=flink:8081", "--attachedMode=false")).isPresent());
    assertEquals(Optional.empty(),
        FlinkDefaults.unsupported(List.of("--runner=DirectRunner", "--attachedMode=false")));
  }
}
