package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo is part of the suite ({@code scripts/demo.sh}, as a user runs it, with this module's
 * jar): it fails if Actito's table does not match the source at the end.
 */
@Tag("shaded-jar")
class DemoIT {
  @Test
  void theDemoEndsWithActitoMatchingTheSource() throws Exception {
    ScriptRun demo = ScriptRun.of("scripts/demo.sh", Duration.ofMinutes(15));
    System.out.println("scripts/demo.sh (full output in " + demo.log + "):\n" + demo.tail(40));
    assertEquals(0, demo.code, demo.output);
    assertTrue(demo.output.contains("Actito matches the source"), demo.tail(80));
  }
}
