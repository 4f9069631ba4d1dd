package org.actitosync.pipeline.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An activation config that cannot be used, with <em>every</em> problem found (not just the
 * first). The message lists them one per line, each as {@code path: what is wrong}. Checked, so
 * the launcher maps it to its configuration-error exit code.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  /** The problems, in file order (a missing key at its section's place). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    return "invalid activation config ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
