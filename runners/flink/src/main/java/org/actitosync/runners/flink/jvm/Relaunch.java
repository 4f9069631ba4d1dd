package org.actitosync.runners.flink.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the jar again in a child JVM with the options {@link JvmChoice} picked, and stands for it:
 *
 * <ul>
 *   <li>the child writes to this process's standard output and error (the terminal, a scheduler's
 *       pipe) and exits with the code this process then exits with;
 *   <li>this JVM's own options ({@code -Xmx4g}, {@code -D…}) go to the child before the tuned ones;
 *   <li>SIGTERM or Ctrl-C of this process reaches the child (SIGTERM, then SIGKILL after {@link
 *       #GRACE_SECONDS}), so a scheduler that stops the run stops both;
 *   <li>if this process dies without a word ({@code kill -9}), the child halts within milliseconds,
 *       as the run would have: its standard input is a pipe from this process, whose end of file
 *       {@link #haltWhenParentDies} waits for. The jar reads nothing from standard input.
 * </ul>
 */
public final class Relaunch {
  /** How long a stopped run's child gets to stop before it is killed. */
  static final long GRACE_SECONDS = 30;
  /** The system property carrying the parent's pid to the tuned JVM (see {@link #haltWhenParentDies}). */
  public static final String PARENT_PROPERTY = JvmChoice.TUNED_PROPERTY + ".parent";
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
    Process child = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
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
   * In the child: halts this JVM as soon as its parent's end of standard input closes. Only for a
   * JVM whose parent is the pid in {@link #PARENT_PROPERTY}: the same command run by hand, with
   * standard input at end of file, is not halted.
   */
  public static void haltWhenParentDies() {
    Thread watch = new Thread(() -> {
      try {
        InputStream in = System.in;
        while (in.read() >= 0) {
          // the parent writes nothing; a read returns only at end of file
        }
      } catch (IOException e) {
        // the pipe broke: the parent is gone
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
