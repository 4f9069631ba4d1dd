package org.actitosync.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The run options as picocli parses them: Beam's spellings of a flag, numbers, defaults. */
class RunOptionsTest {
  private static RunOptions parse(String... args) {
    RunOptions options = new RunOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void defaults() {
    RunOptions options = parse();
    assertFalse(options.check() || options.dryRun() || options.fullResync() || options.verbose());
    assertNull(options.runId());
    assertNull(options.confirmDeletes());
    assertEquals(30, options.progressSeconds());
  }

  @Test
  void flagsTakeBeamsSpellingsToo() {
    assertTrue(parse("--dryRun").dryRun());
    assertTrue(parse("--dryRun=true").dryRun());
    assertFalse(parse("--dryRun=false").dryRun());
    assertTrue(parse("--verbose").verbose());
    assertTrue(parse("--fullResync", "--check").fullResync());
  }

  @Test
  void valuesAreTyped() {
    RunOptions options = parse("--runId=r-1", "--confirmDeletes=4", "--confirmRows=0", "--confirmMappingUpdates=9",
        "--progressSeconds=0");
    assertEquals("r-1", options.runId());
    assertEquals(4L, options.confirmDeletes());
    assertEquals(0L, options.confirmRows());
    assertEquals(9L, options.confirmMappingUpdates());
    assertEquals(0, options.progressSeconds());
    assertThrows(CommandLine.ParameterException.class, () -> parse("--confirmDeletes=many"));
  }
}
