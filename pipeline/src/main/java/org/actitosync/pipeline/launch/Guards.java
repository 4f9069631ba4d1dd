package org.actitosync.pipeline.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actitosync.guard.GuardPolicy;
import org.actitosync.pipeline.cli.RunOptions;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigProblem;

/**
 * The run's {@link GuardPolicy}: thresholds from the config's {@code warnings} section ({@code
 * maxDeletes}, {@code maxDeleteShare}, {@code maxShrinkShare}, {@code maxMappingUpdateShare};
 * defaults 1,000, 10 %, 50 %, 50 %) and confirmations from the command line.
 */
final class Guards {
  private Guards() {}

  static GuardPolicy policy(Map<String, Object> warnings, RunOptions options) throws ConfigException {
    GuardPolicy defaults = GuardPolicy.defaults();
    List<ConfigProblem> problems = new ArrayList<>();
    double maxDeletes = number(warnings, "maxDeletes", defaults.maxDeletes(), false, problems);
    double deleteShare = number(warnings, "maxDeleteShare", defaults.maxDeleteShare(), true, problems);
    double shrinkShare = number(warnings, "maxShrinkShare", defaults.maxShrinkShare(), true, problems);
    double mappingShare = number(warnings, "maxMappingUpdateShare", defaults.maxMappingUpdateShare(), true, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return GuardPolicy.of((long) maxDeletes, deleteShare, shrinkShare, mappingShare,
        options.confirmDeletes(), options.confirmRows(), options.confirmMappingUpdates());
  }

  private static double number(
      Map<String, Object> warnings, String key, double fallback, boolean share, List<ConfigProblem> problems) {
    Object value = warnings.get(key);
    if (value == null) {
      return fallback;
    }
    double number;
    try {
      number = value instanceof Number ? ((Number) value).doubleValue() : Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      problems.add(ConfigProblem.of("warnings." + key, "expected a number, got '" + value + "'"));
      return fallback;
    }
    if (number < 0 || (share && number > 1)) {
      problems.add(ConfigProblem.of("warnings." + key,
          share ? "expected a share between 0 and 1, got " + value : "expected a positive number, got " + value));
    }
    return number;
  }
}
