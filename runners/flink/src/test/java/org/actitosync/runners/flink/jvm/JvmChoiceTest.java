package org.actitosync.runners.flink.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JvmChoiceTest {
  static final Optional<Path> JAR = Optional.of(Path.of("/opt/actito-sync-flink.jar"));
  /** The class path of {@code java -jar /opt/actito-sync-flink.jar}. */
  static final String CP = "/opt/actito-sync-flink.jar";
  static final List<String> RUN = List.of("--config=a.yaml");
  static final Path LIST = Path.of("/cache/cds/x.123.classlist");
  static final Path ARCHIVE = Path.of("/cache/cds/x.jsa");

  @Test
  void aPlainCommandLineIsTuned() {
    assertEquals(Optional.empty(), JvmChoice.keepAsStarted(List.of("-Xmx4g", "-Dfoo=bar"), Map.of(), RUN, JAR, CP));
  }

  @Test
  void theUsersChoiceOfJvmIsKept() {
    for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+UseG1GC", "-XX:+UseParallelGC",
        "-XX:SharedArchiveFile=/a.jsa", "-Xshare:off", "-XX:ArchiveClassesAtExit=/a.jsa", "-Xint",
        "-XX:CompileThresholdScaling=2", "-agentlib:jdwp=transport=dt_socket", "-javaagent:/x.jar",
        "-XX:StartFlightRecording=filename=r.jfr", "-XX:-TieredCompilation", "-Dactito.sync.jvm=x",
        "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=500", "-XX:MaxInlineLevel=9",
        "-XX:Tier4InvocationThreshold=100")) {
      Optional<String> why = JvmChoice.keepAsStarted(List.of("-Xmx1g", option), Map.of(), RUN, JAR, CP);
      assertTrue(why.isPresent() && why.get().startsWith("the JVM option " + option.replaceFirst("=.*", "")), option + ": " + why);
      assertFalse(why.get().contains("/a.jsa") || why.get().contains("dt_socket"), "the option's value is not repeated: " + why);
    }
  }

  @Test
  void theEnvironmentCanKeepTheJvm() {
    assertEquals(Optional.of("ACTITO_SYNC_JVM=as-started"),
        JvmChoice.keepAsStarted(List.of(), Map.of("ACTITO_SYNC_JVM", "as-started"), RUN, JAR, CP));
    assertEquals(Optional.empty(), JvmChoice.keepAsStarted(List.of(), Map.of("ACTITO_SYNC_JVM", "auto"), RUN, JAR, CP));
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      assertEquals(Optional.of(variable + " is set"),
          JvmChoice.keepAsStarted(List.of(), Map.of(variable, "-Xmx2g"), RUN, JAR, CP));
      assertEquals(Optional.empty(), JvmChoice.keepAsStarted(List.of(), Map.of(variable, " "), RUN, JAR, CP), "blank");
    }
  }

  @Test
  void aClassPathOfTheUsersKeepsTheJvm() {
    assertEquals(Optional.empty(), JvmChoice.keepAsStarted(List.of(), Map.of(), RUN, JAR, "/opt/../opt/actito-sync-flink.jar"));
    assertEquals(Optional.of("a class path of its own (-cp)"),
        JvmChoice.keepAsStarted(List.of(), Map.of(), RUN, JAR, CP + ":/opt/mysql-connector.jar"));
  }

  @Test
  void noJarOrHelpKeepsTheJvm() {
    assertEquals(Optional.of("not run from a jar file"), JvmChoice.keepAsStarted(List.of(), Map.of(), RUN, Optional.empty(), CP));
    assertEquals(Optional.of("--help"), JvmChoice.keepAsStarted(List.of(), Map.of(), List.of("--help"), JAR, CP));
  }

  @Test
  void aFirstRunGetsTheLargeRunsJitAndListsItsClasses() {
    JvmChoice choice = JvmChoice.choose(RUN, OptionalLong.empty(), Optional.empty(), LIST);
    List<String> expected = new java.util.ArrayList<>(JvmChoice.LARGE);
    expected.addAll(List.of("-XX:DumpLoadedClassList=" + LIST, "-Xlog:cds=off,cds+dynamic=off"));
    assertEquals(expected, choice.options());
    assertEquals("C2 with less inlining, later, and the default collector (no earlier run of this config), listing"
        + " its classes for the class archive", choice.description());
  }

  @Test
  void aSmallActivationGetsC1AndTheArchive() {
    JvmChoice choice = JvmChoice.choose(RUN, OptionalLong.of(JvmChoice.SMALL_ROWS - 1), Optional.of(ARCHIVE), LIST);
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + ARCHIVE,
        "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off"), choice.options());
    assertTrue(choice.description().startsWith("C1 and the serial collector (the last run read 199999 rows)"),
        choice.description());
  }

  @Test
  void aLargeActivationKeepsC2WithLessInliningLater() {
    JvmChoice choice = JvmChoice.choose(RUN, OptionalLong.of(JvmChoice.SMALL_ROWS), Optional.of(ARCHIVE), LIST);
    List<String> expected = new java.util.ArrayList<>(JvmChoice.LARGE);
    expected.addAll(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off"));
    assertEquals(expected, choice.options());
    assertEquals(List.of("-XX:FreqInlineSize=150", "-XX:InlineSmallCode=1000", "-XX:Tier4InvocationThreshold=15000",
        "-XX:Tier4CompileThreshold=30000", "-XX:Tier4BackEdgeThreshold=120000"), JvmChoice.LARGE);
    assertTrue(choice.description().contains("the last run read 200000 rows"), choice.description());
  }

  @Test
  void aRemoteClusterRunsTheRowsSoThisJvmOnlySubmits() {
    List<String> args = List.of("--config=a.yaml", "--flinkMaster=flink:8081");
    assertEquals(JvmChoice.SMALL, JvmChoice.choose(args, OptionalLong.of(5_000_000), Optional.of(ARCHIVE), LIST)
        .options().subList(0, 2));
  }

  @Test
  void whichMastersAreRemote() {
    assertTrue(JvmChoice.remoteMaster(List.of("--flinkMaster=flink:8081")));
    assertTrue(JvmChoice.remoteMaster(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--flinkMaster=h:1")), "the last one wins");
    assertTrue(JvmChoice.remoteMaster(List.of("--runner=org.apache.beam.runners.flink.FlinkRunner", "--flinkMaster=h:1")));
    assertFalse(JvmChoice.remoteMaster(List.of("--config=a.yaml")));
    for (String local : List.of("[local]", "[auto]", "[collection]", "")) {
      assertFalse(JvmChoice.remoteMaster(List.of("--flinkMaster=" + local)), local);
    }
    assertFalse(JvmChoice.remoteMaster(List.of("--runner=DirectRunner", "--flinkMaster=h:1")), "not the Flink runner");
  }
}
