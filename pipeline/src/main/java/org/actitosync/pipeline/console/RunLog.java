package org.actitosync.pipeline.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.actitosync.snapshot.SnapshotStore;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The quiet terminal of a run: where the logs of this JVM go (java.util.logging, to which the
 * runner jars bind slf4j, so Beam's, Flink's, Hadoop's and google-http-client's logs all pass
 * here). Guarantees, from {@link #start} until the JVM ends:
 *
 * <ul>
 *   <li>no log record reaches the terminal, except the writer's progress lines ({@link
 *       #PROGRESS_LOGGER}), printed on {@code out} as {@code progress: <message>};
 *   <li>records logged before the run folder is known (config load, source schema) are held in
 *       memory (at most {@link #BUFFERED} of them) and written first to {@code run.log} by {@link
 *       #open}, or dropped when the run ends before (a config error);
 *   <li>from {@link #open} every record goes to the run's {@value #FILE} ({@code
 *       runs/<runId>/run.log}, a dry run's {@code runs/<runId>/plan/run.log}), and with {@code
 *       verbose} also to {@code err}. A local snapshot root gets the file in place while the run
 *       runs; any other ({@code gs://}) a local temporary file, copied into the run folder by
 *       {@link #close}, whether the run succeeded or not;
 *   <li>after {@link #close} records are dropped (a runner shutting down after the run prints
 *       nothing).
 * </ul>
 *
 * Our own lines (preflight notes, progress, warnings, the summary, the final message) are printed
 * by the launcher on its streams, never logged: they do not depend on this class. One run per JVM
 * (as the jars run): java.util.logging is global, so two runs at once in one JVM (tests) may each
 * get the other's records.
 */
public final class RunLog implements AutoCloseable {
  /** The file's name in the run folder. */
  public static final String FILE = "run.log";
  /** The logger of the writer's progress line ({@code run <id>: N changes and profiles written so far…}). */
  public static final String PROGRESS_LOGGER = "org.actitosync.write.PacedBatchFn";
  /** Records held before {@link #open}; later ones are counted, not kept. */
  static final int BUFFERED = 10_000;

  private final PrintStream out;
  private final PrintStream err;
  private final Logger root = LogManager.getLogManager().getLogger("");
  private final Logger progress = Logger.getLogger(PROGRESS_LOGGER);
  private final List<Handler> installed = new ArrayList<>();
  private final Buffer buffer = new Buffer();
  private final Handler progressHandler;
  private java.util.logging.@Nullable StreamHandler file;
  private @Nullable Path localFile;
  private @Nullable String location;
  private @Nullable Runnable copy;

  private RunLog(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    this.progressHandler = new LineHandler(out, record -> "progress: " + LogLines.message(record), null);
  }

  /**
   * From now on this JVM's log records are held in memory (see the class comment) and the
   * writer's progress lines go to {@code out}; {@code err} receives {@code --verbose} output and
   * the one line saying a run.log could not be copied.
   */
  public static RunLog start(PrintStream out, PrintStream err) {
    RunLog log = new RunLog(out, err);
    for (Handler handler : log.root.getHandlers()) {
      log.root.removeHandler(handler);
    }
    log.root.setLevel(Level.INFO);
    log.install(log.root, log.buffer);
    log.progress.setLevel(Level.INFO);
    log.install(log.progress, log.progressHandler);
    return log;
  }

  /**
   * The run folder is known: the records so far, then every later one, go to its {@value #FILE}
   * ({@code folder} is {@code ""}, or {@code "plan/"} for a dry run), and with {@code verbose}
   * also to {@code err}.
   */
  public void open(SnapshotStore store, String runId, String folder, boolean verbose) {
    String name = folder + FILE;
    String target = store.runDirectory(runId) + name;
    boolean local = "file".equals(store.runDirectory(runId).getScheme());
    open(local ? Paths.get(target) : null, target, () -> store.writeRunFile(runId, name, read()), verbose);
  }

  /** {@link #open}: to {@code path} in place, or (null) to a temporary file that {@code copy} copies at the end. */
  void open(@Nullable Path path, String target, Runnable copy, boolean verbose) {
    List<Handler> targets = new ArrayList<>();
    Path chosen = path;
    try {
      if (chosen == null) {
        chosen = Files.createTempFile("actito-sync-", "-" + FILE);
        this.copy = copy;
      } else {
        Files.createDirectories(chosen.getParent());
      }
      file = LogLines.fileHandler(chosen);
      localFile = chosen;
      location = target;
      targets.add(file);
    } catch (IOException e) {
      err.println("actito-sync: cannot write " + target + " (" + e.getMessage() + "): the runner's log is dropped");
    }
    if (verbose) {
      targets.add(new LineHandler(err, LogLines.FORMAT::format, PROGRESS_LOGGER));
    }
    root.removeHandler(buffer);
    installed.remove(buffer);
    buffer.drainTo(targets);
    targets.forEach(handler -> install(root, handler));
  }

  /** Where run.log is, or will be once the run ends (remote roots); empty before {@link #open}. */
  public java.util.Optional<String> location() {
    return java.util.Optional.ofNullable(location);
  }

  /** The file written during the run (the temporary one for a remote root); tests. */
  @Nullable Path localFile() {
    return localFile;
  }

  /** Writes {@code failure} (with its stack trace) to run.log only: the terminal has its one-line message. */
  public void failure(String message, Throwable failure) {
    if (file != null) {
      LogRecord record = new LogRecord(Level.SEVERE, message);
      record.setLoggerName("actito-sync");
      record.setThrown(failure);
      file.publish(record);
    }
  }

  /** Ends the run's log: flushed, copied into the run folder when it was written elsewhere; later records are dropped. */
  @Override
  public void close() {
    for (Handler handler : installed) {
      progress.removeHandler(handler);
      root.removeHandler(handler);
      handler.close();
    }
    installed.clear();
    if (copy != null && localFile != null) {
      try {
        copy.run();
        Files.deleteIfExists(localFile);
      } catch (IOException | RuntimeException e) {
        err.println("actito-sync: cannot copy " + FILE + " to " + location + " (" + e.getMessage()
            + "): it is kept at " + localFile);
      }
    }
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(localFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void install(Logger logger, Handler handler) {
    logger.addHandler(handler);
    installed.add(handler);
  }

  /** The records logged before {@link #open}, in order. */
  private static final class Buffer extends Handler {
    private final List<LogRecord> records = new ArrayList<>();
    private int dropped;

    @Override
    public synchronized void publish(LogRecord record) {
      if (records.size() < BUFFERED) {
        records.add(record);
      } else {
        dropped++;
      }
    }

    synchronized void drainTo(List<Handler> targets) {
      if (dropped > 0) {
        LogRecord note = new LogRecord(Level.WARNING, dropped + " earlier records dropped (more than " + BUFFERED + ")");
        note.setLoggerName("actito-sync");
        records.add(note);
      }
      for (Handler target : targets) {
        records.forEach(target::publish);
      }
      records.clear();
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
      records.clear();
    }
  }

  /** One formatted line per record on a stream the launcher owns (never closed here). */
  private static final class LineHandler extends Handler {
    private final PrintStream stream;
    private final java.util.function.Function<LogRecord, String> format;
    private final @Nullable String skipLogger;

    LineHandler(PrintStream stream, java.util.function.Function<LogRecord, String> format, @Nullable String skipLogger) {
      this.stream = stream;
      this.format = format;
      this.skipLogger = skipLogger;
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record) && !java.util.Objects.equals(record.getLoggerName(), skipLogger)) {
        String line = format.apply(record);
        stream.print(line.endsWith("\n") ? line : line + System.lineSeparator());
      }
    }

    @Override
    public void flush() {
      stream.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
