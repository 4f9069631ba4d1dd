package org.actitosync.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.actitosync.pipeline.config.ConfigOption;
import org.actitosync.pipeline.config.ConfigSchema;
import org.actitosync.pipeline.launch.ExitCode;
import org.junit.jupiter.api.Test;

/** README.md's configuration reference and exit codes agree with the code. */
class ReadmeReferenceTest {
  static String readme() throws Exception {
    return Files.readString(Path.of("..", "README.md"));
  }

  @Test
  void everyOptionIsInTheReference() throws Exception {
    String readme = readme();
    for (ConfigOption setting : ConfigSchema.options()) {
      assertTrue(readme.contains(setting.optionName() + "="), "README lacks " + setting.optionName());
    }
    for (String option : new String[] {"--dryRun", "--fullResync", "--runId", "--progressSeconds", "--config",
        "--confirmDeletes", "--confirmRows", "--confirmMappingUpdates"}) {
      assertTrue(readme.contains(option), "README lacks " + option);
    }
  }

  @Test
  void everyExitCodeIsDocumented() throws Exception {
    String readme = readme();
    for (ExitCode code : ExitCode.values()) {
      assertTrue(readme.contains("| " + code.code() + " |"), "README lacks exit code " + code);
    }
  }
}
