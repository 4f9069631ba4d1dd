package org.actitosync.runners.flink.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Relaunch} with real JVMs: a parent (this class's {@link Parent}) runs a child ({@link
 * Child}) as the jar runs its tuned JVM; the test stops the parent as a user or a scheduler would.
 */
class RelaunchTest {
  @TempDir Path dir;

  @Test
  void theChildsExitCodeIsTheParents() throws Exception {
    assertEquals(5, Relaunch.run(List.of(ShadedJar.java(), "-cp", classPath(), Child.class.getName(),
        dir.resolve("pid").toString(), "exit-5")));
  }

  @Test
  void theCommandKeepsTheUsersOptionsBeforeTheTunedOnes() {
    JvmChoice choice = new JvmChoice(List.of("-XX:+UseSerialGC"), "serial");
    List<String> command = Relaunch.command("/j/bin/java", List.of("-Xmx4g"), choice, Path.of("/a.jar"), List.of("--dryRun"));
    assertEquals(List.of("/j/bin/java", "-Xmx4g", "-XX:+UseSerialGC", "-Dactito.sync.jvm=serial",
        "-Dactito.sync.jvm.parent=" + ProcessHandle.current().pid(), "-jar", "/a.jar", "--dryRun"), command);
  }

  @Test
  void aKilledParentTakesItsChildAlong() throws Exception {
    Process parent = startParent();
    ProcessHandle child = awaitChild();
    parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
    assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
    assertTrue(child.onExit().get(10, TimeUnit.SECONDS) != null && !child.isAlive(), "the child outlived its parent");
  }

  @Test
  void aStoppedParentStopsItsChildFirst() throws Exception {
    Process parent = startParent();
    ProcessHandle child = awaitChild();
    parent.destroy(); // SIGTERM, as a scheduler stops a task
    assertTrue(parent.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, parent.exitValue());
    assertFalse(child.isAlive(), "the parent waited for its child");
    assertTrue(Files.exists(dir.resolve("stopped")), "the child ran its own shutdown hooks");
  }

  private Process startParent() throws Exception {
    return new ProcessBuilder(ShadedJar.java(), "-cp", classPath(), Parent.class.getName(),
        dir.resolve("pid").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("parent.log").toFile()).start();
  }

  private ProcessHandle awaitChild() throws Exception {
    Path pid = dir.resolve("pid");
    for (int i = 0; i < 600 && !Files.exists(pid); i++) {
      Thread.sleep(50); // polling interval
    }
    assertTrue(Files.exists(pid), "the child did not start: " + (Files.exists(dir.resolve("parent.log"))
        ? Files.readString(dir.resolve("parent.log")) : ""));
    return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).orElseThrow();
  }

  static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** A parent JVM: runs {@link Child} through {@link Relaunch#run} and exits with its code. */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      System.exit(Relaunch.run(List.of(ShadedJar.java(), "-cp", classPath(), Child.class.getName(), args[0])));
    }
  }

  /** A child JVM: watches its parent, writes its pid (atomically), then exits as told or waits. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path pid = Path.of(args[0]);
      if (args.length > 1) {
        System.exit(Integer.parseInt(args[1].substring("exit-".length())));
      }
      Relaunch.haltWhenParentDies(ProcessHandle.current().parent().orElseThrow());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.writeString(pid.resolveSibling("stopped"), "yes");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
      Path temp = Files.writeString(pid.resolveSibling("pid.tmp"), Long.toString(ProcessHandle.current().pid()));
      Files.move(temp, pid, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Thread.sleep(120_000);
    }
  }
}
