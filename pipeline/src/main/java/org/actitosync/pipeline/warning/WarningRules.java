package org.actitosync.pipeline.warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The warnings of a completed run: each check's value against its two thresholds. Pure: the same
 * facts and settings always give the same warnings, in {@link Check} order.
 */
public final class WarningRules {
  private WarningRules() {}

  public static List<RunWarning> evaluate(WarningSettings settings, RunFacts facts) {
    List<RunWarning> warnings = new ArrayList<>();
    for (Check check : Check.values()) {
      Threshold threshold = settings.threshold(check);
      Double value = value(check, facts);
      if (value == null) {
        continue;
      }
      Level level = threshold.level(value);
      if (level != Level.NONE) {
        double crossed = threshold.at(level);
        warnings.add(RunWarning.of(check, level, value, crossed, message(check, facts, value, level, crossed)));
      }
    }
    return List.copyOf(warnings);
  }

  /** The highest level of {@code warnings}. */
  public static Level level(List<RunWarning> warnings) {
    Level level = Level.NONE;
    for (RunWarning w : warnings) {
      level = Level.max(level, w.level());
    }
    return level;
  }

  /** The value a check measures, or null when it cannot be measured in this run. */
  static Double value(Check check, RunFacts facts) {
    switch (check) {
      case REJECTED_ROWS:
        return (double) facts.rejected();
      case REJECTED_SHARE:
        return facts.rowsRead() == 0 ? null : (double) facts.rejected() / facts.rowsRead();
      case FAILED_ROWS:
        return (double) facts.failed();
      case DUPLICATE_KEYS:
        return (double) facts.duplicateKeys();
      case DELETES:
        return (double) facts.deletes();
      case DURATION_MINUTES:
        return facts.durationMillis() / 60_000.0;
      case ROWS_CHANGE:
        if (!facts.averageRows().isPresent() || facts.averageRows().getAsDouble() <= 0) {
          return null;
        }
        double average = facts.averageRows().getAsDouble();
        return Math.abs(facts.rowsRead() - average) / average;
      case FAILING_KEY_RUNS:
        return (double) facts.longestFailStreak();
      default:
        throw new IllegalArgumentException(check.name());
    }
  }

  private static String message(Check check, RunFacts facts, double value, Level level, double threshold) {
    String at = " (" + level.name().toLowerCase(Locale.ROOT) + " at " + number(check, threshold) + ")";
    switch (check) {
      case REJECTED_ROWS:
        return facts.rejected() + " rows rejected" + at;
      case REJECTED_SHARE:
        return percent(value) + " of the " + facts.rowsRead() + " rows read were rejected" + at;
      case FAILED_ROWS:
        return facts.failed() + " changes failed after retries; the next run sends them again" + at;
      case DUPLICATE_KEYS:
        return facts.duplicateKeys() + " keys are shared by several source rows; none of their rows was sent" + at;
      case DELETES:
        return facts.deletes() + " records deleted (MIRROR)" + at;
      case DURATION_MINUTES:
        return String.format(Locale.ROOT, "the run took %.1f minutes", value) + at;
      case ROWS_CHANGE:
        return String.format(Locale.ROOT, "%d rows read, %s away from the average of %.0f over the last %d runs",
            facts.rowsRead(), percent(value), facts.averageRows().getAsDouble(), facts.averageRuns()) + at;
      case FAILING_KEY_RUNS:
        return facts.keysFailingAtLeast(threshold) + " keys failed in " + number(check, threshold)
            + " or more consecutive runs (longest streak " + facts.longestFailStreak() + ")" + at;
      default:
        throw new IllegalArgumentException(check.name());
    }
  }

  private static String number(Check check, double value) {
    if (check.isShare() || check == Check.ROWS_CHANGE) {
      return percent(value);
    }
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
