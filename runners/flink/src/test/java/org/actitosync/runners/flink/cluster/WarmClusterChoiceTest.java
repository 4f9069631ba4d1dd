package org.actitosync.runners.flink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmClusterChoiceTest {
  private static Optional<WarmClusterChoice> choice(String... args) {
    return WarmClusterChoice.of(List.of(args), 4);
  }

  private static Optional<WarmClusterChoice> warm(int parallelism) {
    return Optional.of(new WarmClusterChoice(parallelism, Optional.empty()));
  }

  @Test
  void theJarsDefaultsMeanAnEmbeddedClusterOnEveryCore() {
    assertEquals(warm(4), choice("--config=a.yaml"));
    assertEquals(warm(4), choice("--config", "a.yaml", "--dryRun"));
    assertEquals(warm(4), choice("--runner=FlinkRunner", "--flinkMaster=[local]", "--config=a.yaml"));
    assertEquals(warm(4), choice("--runner=flinkrunner", "--attachedMode=true"));
    assertEquals(warm(4), choice("--runner=org.apache.beam.runners.flink.FlinkRunner"));
  }

  @Test
  void theGivenParallelismAndConfigurationFolderAreTheClusters() {
    assertEquals(warm(3), choice("--config=a.yaml", "--parallelism=3"));
    assertEquals(Optional.of(new WarmClusterChoice(2, Optional.of("/etc/flink"))),
        choice("--parallelism=2", "--flinkConfDir=/etc/flink"));
  }

  @Test
  void noClusterWhereTheRunHasNoEmbeddedJob() {
    assertEquals(Optional.empty(), choice("--runner=DirectRunner"));
    assertEquals(Optional.empty(), choice("--runner=DataflowRunner"));
    assertEquals(Optional.empty(), choice("--flinkMaster=flink:8081"));
    assertEquals(Optional.empty(), choice("--flinkMaster=[auto]"));
    assertEquals(Optional.empty(), choice("--flinkMaster=[collection]"));
    assertEquals(Optional.empty(), choice("--attachedMode=false"));
    assertEquals(Optional.empty(), choice("--config=a.yaml", "--help"));
    assertEquals(Optional.empty(), choice("-h"));
    assertEquals(Optional.empty(), choice("--config=a.yaml", "--check"));
    assertEquals(Optional.empty(), choice("--config=a.yaml", "--check=true"));
  }

  @Test
  void noClusterWhereAnOptionCannotBeReadForCertain() {
    assertEquals(Optional.empty(), choice("--parallelism=many"));
    assertEquals(Optional.empty(), choice("--parallelism=0"));
    assertEquals(Optional.empty(), choice("--parallelism=-1"));
    assertEquals(Optional.empty(), choice("--parallelism=2", "--parallelism=3"));
    assertEquals(Optional.empty(), choice("--runner=FlinkRunner", "--runner=DirectRunner"));
  }
}
