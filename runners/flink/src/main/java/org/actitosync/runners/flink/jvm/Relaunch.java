package org.actitosync.runners.flink.jvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the jar again in a child JVM with the options {@link JvmChoice} picked, and stands for it:
 *
 * <ul>
 *   <li>the child reads and writes this process's standard input, output and error (the terminal,
 *       a scheduler's pipe) and exits with the code this process then exits with;
 *   <li>this JVM's own options ({@code -Xmx4g}, {@code -D…}) go to the child before the tuned ones;
 *   <li>SIGTERM or Ctrl-C of this process reaches the child (SIGTERM, then SIGKILL after {@link
 *       #GRACE_SECONDS}), so a scheduler that stops the run stops both;
 *   <li>if this process dies without a word ({@code kill -9}), the child halts within {@link
 *       #WATCH_MILLIS} ms, as the run would have ({@link #haltWhenParentDies}).
 * </ul>
 */
public final class Relaunch {
  /** How long a stopped run's child gets to stop before it is killed. */
  static final long GRACE_SECONDS = 30;
  /** The system property carrying the parent's pid to the tuned JVM (see {@link #haltWhenParentDies}). */
  public static final String PARENT_PROPERTY = JvmChoice.TUNED_PROPERTY + ".parent";
  /** How often the child looks at its parent. */
  static final long WATCH_MILLIS = 100;
  /** The exit code of a child whose parent died: that of a JVM killed by SIGKILL. */
  static final int PARENT_DIED = 137;

  private Relaunch() {}

  /**
   * The child's command: this runtime's {@code java}, this JVM's options, the tuned ones, the two
   * properties that mark the tuned JVM and its parent, the jar and its arguments.
   */
  public static List<String> command(String java, List<String> jvmOptions, JvmChoice choice, Path jar, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(choice.options());
    command.add("-D" + JvmChoice.TUNED_PROPERTY + "=" + choice.description());
    command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }

  /**
   * Starts {@code command} and waits for it.
   *
   * @return the child's exit code
   * @throws IOException when the child cannot be started (the caller then runs in this JVM)
   */
  public static int run(List<String> command) throws IOException {
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread stop = new Thread(() -> stop(child), "actito-sync-stop-child");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(child);
      return child.exitValue();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it stops the child
      }
    }
  }

  /**
   * In the child: halts this JVM within {@link #WATCH_MILLIS} of its parent's death ({@code kill -9}
   * of the JVM the user started). A daemon thread looks at the parent every {@link #WATCH_MILLIS}
   * ms, sleeping in between (a thread blocked in a native read would delay every JVM exit by 300
   * ms: HotSpot waits that long for threads in native code). The handle compares the parent's
   * start time too, so a recycled pid is not mistaken for it.
   */
  public static void haltWhenParentDies(ProcessHandle parent) {
    Thread watch = new Thread(() -> {
      while (parent.isAlive()) {
        try {
          Thread.sleep(WATCH_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
      Runtime.getRuntime().halt(PARENT_DIED);
    }, "actito-sync-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void stop(Process child) {
    if (!child.isAlive()) {
      return;
    }
    child.destroy();
    try {
      if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
    }
  }
}
