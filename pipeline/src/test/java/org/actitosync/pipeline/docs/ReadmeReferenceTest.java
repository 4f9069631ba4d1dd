package org.actitosync.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.actitosync.pipeline.config.ConfigLoader;
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

  /** The README's block is --help's text from {@code --config} on, generated from the schema. */
  @Test
  void theReferenceBlockIsTheHelpText() throws Exception {
    String usage = ConfigLoader.usage();
    String options = usage.substring(usage.indexOf("      --config=FILE")).stripTrailing();
    String readme = readme();
    int start = readme.indexOf("```\n", readme.indexOf("### Configuration reference")) + 4;
    String block = readme.substring(start, readme.indexOf("```", start)).stripTrailing();
    assertEquals(options, block, "regenerate README's block from ConfigLoader.usage()");
  }

  @Test
  void everyExitCodeIsDocumented() throws Exception {
    String readme = readme();
    for (ExitCode code : ExitCode.values()) {
      assertTrue(readme.contains("| " + code.code() + " |"), "README lacks exit code " + code);
    }
  }
}
