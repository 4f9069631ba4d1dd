package org.actitosync.pipeline.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/** How log records are written: one line each (UTC time, level, logger, message), then a stack trace if any. */
final class LogLines {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final SimpleFormatter MESSAGE = new SimpleFormatter();

  /** {@code 2026-11-29 10:32:05.123 INFO org.apache.flink.Foo: message}, plus the stack trace if any. */
  static final Formatter FORMAT = new Formatter() {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder()
          .append(TIME.format(record.getInstant())).append(' ')
          .append(record.getLevel().getName()).append(' ')
          .append(record.getLoggerName()).append(": ")
          .append(message(record)).append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  };

  private LogLines() {}

  /** The record's message with its parameters filled in. */
  static String message(LogRecord record) {
    return MESSAGE.formatMessage(record);
  }

  /** A handler appending {@link #FORMAT}ted records to {@code file} (created or truncated), flushed after each. */
  static StreamHandler fileHandler(Path file) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    StreamHandler handler = new StreamHandler(stream, FORMAT) {
      @Override
      public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
      }
    };
    handler.setEncoding("UTF-8");
    return handler;
  }
}
