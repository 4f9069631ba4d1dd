package org.actitosync.pipeline.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads and checks the files {@code write.bulk} names (definition template, ETL contract). */
final class BulkFiles {
  private BulkFiles() {}

  /**
   * {@code parse} of {@code file}'s text, or empty after telling {@code problem} why (unreadable,
   * or the parser's {@link IllegalArgumentException} message).
   */
  static <T> Optional<T> load(String file, Function<String, T> parse, Consumer<String> problem) {
    String text;
    try {
      text = ConfigLoader.read(file);
    } catch (IOException | RuntimeException e) {
      problem.accept("cannot read '" + file + "': "
          + (e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage())));
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text));
    } catch (IllegalArgumentException e) {
      problem.accept("'" + file + "' is invalid: " + e.getMessage());
      return Optional.empty();
    }
  }
}
