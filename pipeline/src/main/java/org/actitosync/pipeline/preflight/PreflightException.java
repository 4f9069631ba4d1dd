package org.actitosync.pipeline.preflight;

import java.util.List;

/** The target table cannot take the mapping; every problem is listed. Nothing was written. */
public final class PreflightException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PreflightException(List<String> problems) {
    super("preflight found " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
