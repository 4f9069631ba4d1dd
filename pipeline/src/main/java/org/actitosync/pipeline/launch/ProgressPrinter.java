package org.actitosync.pipeline.launch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a progress line at a steady interval while the pipeline runs: rows read, changes written
 * out of those classified so far, and the time left at the calls-per-minute budget.
 */
final class ProgressPrinter implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private ProgressPrinter(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  static ProgressPrinter start(PrintStream out, int seconds, double callsPerMinute) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "actito-sync-progress");
      t.setDaemon(true);
      return t;
    });
    if (seconds > 0) {
      executor.scheduleAtFixedRate(() -> out.println(line(callsPerMinute)), seconds, seconds, TimeUnit.SECONDS);
    }
    return new ProgressPrinter(executor);
  }

  static String line(double callsPerMinute) {
    long changes = Progress.CHANGES.get();
    long written = Progress.WRITTEN.get();
    long left = Math.max(0, changes - written);
    long etaSeconds = (long) Math.ceil(left * 60.0 / callsPerMinute);
    return String.format(Locale.ROOT, "progress: %,d rows read, %,d of %,d changes written, ETA %ds at %.0f calls/min",
        Progress.ROWS_READ.get(), written, changes, etaSeconds, callsPerMinute);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
