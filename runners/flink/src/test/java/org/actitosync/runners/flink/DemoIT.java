package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo is part of the suite ({@code scripts/demo.sh}, as a user runs it, with this module's
 * jar): it fails if Actito's table does not match the source at the end, or if one of its three
 * activation runs printed more than {@value #MAX_LINES} lines (issue 17: the runner's logs go to
 * run.log, not the terminal). The demo prints each run as a user sees it, between its command line
 * ({@code $ java -jar …}) and {@code (exit N…)}: the lines in between are counted.
 */
@Tag("shaded-jar")
class DemoIT {
  static final int MAX_LINES = 59;

  @Test
  void theDemoEndsWithActitoMatchingTheSource() throws Exception {
    ScriptRun demo = ScriptRun.of("scripts/demo.sh", Duration.ofMinutes(15));
    System.out.println("scripts/demo.sh (full output in " + demo.log + "):\n" + demo.tail(40));
    assertEquals(0, demo.code, demo.output);
    assertTrue(demo.output.contains("Actito matches the source"), demo.tail(80));
    List<List<String>> runs = runs(demo.output);
    assertEquals(3, runs.size(), "the demo's three activation runs, each between its command and (exit N):\n" + demo.output);
    for (int i = 0; i < runs.size(); i++) {
      List<String> printed = runs.get(i);
      System.out.printf("DemoIT: run %d printed %d lines%n", i + 1, printed.size());
      assertTrue(printed.size() <= MAX_LINES, "run " + (i + 1) + " printed " + printed.size() + " lines (at most "
          + MAX_LINES + "):\n" + String.join("\n", printed));
      assertTrue(printed.stream().anyMatch(l -> l.startsWith("report: ")), "run " + (i + 1) + " printed no summary:\n"
          + String.join("\n", printed));
    }
  }

  /** The lines each run printed: after a line starting with {@code $ java -jar}, up to {@code (exit …}. */
  static List<List<String>> runs(String output) {
    List<List<String>> runs = new ArrayList<>();
    List<String> current = null;
    for (String line : output.lines().toList()) {
      if (line.startsWith("$ java -jar ")) {
        current = new ArrayList<>();
      } else if (current != null && line.startsWith("(exit ")) {
        runs.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    if (current != null) {
      runs.add(current); // a run that never ended: counted as far as it got
    }
    return runs;
  }
}
