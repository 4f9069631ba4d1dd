package org.actitosync.pipeline.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks a standard 5-field cron expression (minute hour day-of-month month day-of-week). */
final class Cron {
  private static final List<String> FIELDS =
      List.of("minute", "hour", "day-of-month", "month", "day-of-week");
  private static final int[] MIN = {0, 0, 1, 1, 0};
  private static final int[] MAX = {59, 23, 31, 12, 7};
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private Cron() {}

  /** What is wrong with {@code expression}, or empty when it is a valid 5-field expression. */
  static Optional<String> problem(String expression) {
    String trimmed = expression.trim();
    String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    String prefix = "invalid cron '" + expression + "': ";
    if (fields.length != 5) {
      return Optional.of(
          prefix
              + "expected 5 fields (minute hour day-of-month month day-of-week), got "
              + fields.length);
    }
    for (int i = 0; i < 5; i++) {
      for (String part : fields[i].split(",", -1)) {
        Optional<String> wrong = checkPart(part, i);
        if (wrong.isPresent()) {
          return Optional.of(prefix + FIELDS.get(i) + " field '" + fields[i] + "': " + wrong.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkPart(String part, int field) {
    String range = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      range = part.substring(0, slash);
      String step = part.substring(slash + 1);
      if (!step.matches("[0-9]+") || Integer.parseInt(step) == 0) {
        return Optional.of("step '" + step + "' is not a positive number");
      }
    }
    if (range.equals("*")) {
      return Optional.empty();
    }
    String[] bounds = range.split("-", -1);
    if (bounds.length > 2) {
      return Optional.of("'" + range + "' is not a value or a range");
    }
    int previous = Integer.MIN_VALUE;
    for (String bound : bounds) {
      Integer value = value(bound, field);
      if (value == null) {
        return Optional.of("'" + bound + "' is not a number");
      }
      if (value < MIN[field] || value > MAX[field]) {
        return Optional.of(value + " is outside " + MIN[field] + "-" + MAX[field]);
      }
      if (value < previous) {
        return Optional.of("range '" + range + "' is backwards");
      }
      previous = value;
    }
    return Optional.empty();
  }

  private static Integer value(String text, int field) {
    if (text.matches("[0-9]{1,2}")) {
      return Integer.parseInt(text);
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (field == 3 && MONTHS.contains(upper)) {
      return MONTHS.indexOf(upper) + 1;
    }
    if (field == 4 && DAYS.contains(upper)) {
      return DAYS.indexOf(upper);
    }
    return null;
  }
}
