package org.actitosync.runners.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code actito-sync-direct.jar} run as a user runs it: {@code java -jar}, in a child JVM. */
@Tag("shaded-jar")
class DirectJarIT {
  static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  @TempDir Path dir;

  @Test
  void helpExitsZeroAndListsTheOptions() {
    ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("help.log"), Duration.ofSeconds(60), JVM, "--help");
    assertEquals(0, run.code(), run.output());
    assertTrue(run.output().contains("--config"), run.output());
    assertTrue(run.output().contains("--dryRun"), run.output());
    assertTrue(run.output().contains("Exit codes"), run.output());
  }

  /**
   * MIRROR over two runs: a full sync, then an update, a delete and an insert in the source. Deleting
   * 1 of 5 keys is above the default delete share, so the second run confirms it ({@code
   * --confirmDeletes=1}), as a user would.
   */
  @Test
  void mirrorsATableFromTheShadedJar() throws Exception {
    ShadedJar jar = ShadedJar.fromBuild();
    try (Activation a = new Activation(dir, "direct-jar")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('o-1',1,10.5,'NEW'),('o-2',2,20,'PAID'),('o-3',1,30,'NEW'),"
          + "('o-4',2,40.25,'CANCELLED'),('o-5',3,50,'NEW')");
      String config = "--config=" + a.config("MIRROR");

      ShadedJar.Run first = jar.run(dir.resolve("run1.log"), Duration.ofMinutes(5), JVM, config, "--progressSeconds=0",
          "--runId=first");
      assertEquals(0, first.code(), first.output());
      // quiet terminal: Beam's logs are in the run's run.log, not on the terminal
      assertEquals(List.of(), first.output().lines().filter(l -> l.contains("org.apache.beam") || l.contains("INFO")
          || l.startsWith("[")).toList(), first.output());
      assertTrue(Files.readString(dir.resolve("snapshots/orders-direct-jar/runs/first/run.log"))
          .contains("org.apache.beam"), "Beam's logs in run.log");
      assertEquals(5, a.destination().size(), first.output());
      assertEquals(a.source(), a.destination(), first.output());

      a.sql("UPDATE " + a.table + " SET amount = 11 WHERE order_id = 'o-1'",
          "DELETE FROM " + a.table + " WHERE order_id = 'o-2'",
          "INSERT INTO " + a.table + " VALUES ('o-6',3,60,'NEW')");
      ShadedJar.Run second = jar.run(dir.resolve("run2.log"), Duration.ofMinutes(5), JVM, config,
          "--confirmDeletes=1", "--progressSeconds=0");
      assertEquals(0, second.code(), second.output());
      assertEquals(Map.of("o-1", "1|11|NEW"), Map.of("o-1", a.destination().get("o-1")));
      assertEquals(a.source(), a.destination(), second.output());
      System.out.printf("DirectJarIT: run 1 %d ms, run 2 %d ms%n", first.took().toMillis(), second.took().toMillis());
    }
  }
}
