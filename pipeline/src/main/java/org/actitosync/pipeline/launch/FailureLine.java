package org.actitosync.pipeline.launch;

import java.util.List;

/**
 * What a failed run prints: {@code actito-sync: <kind>: <message> — <what to do>}, one line (a
 * config or preflight error lists its problems on the lines after it, one each). No stack trace.
 */
final class FailureLine {
  private FailureLine() {}

  /** The message of {@code failure}: of the typed cause that decides its code, else its own. */
  static String message(Throwable failure) {
    Throwable decisive = ExitCode.decisive(failure);
    if (decisive != null) {
      return decisive.getMessage();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PipelineFailureException) {
        return t.getMessage();
      }
    }
    return PipelineFailureException.of(failure).getMessage();
  }

  /** What to do: the store failure's own advice, else the code's. */
  static String whatToDo(ExitCode code, Throwable failure) {
    Throwable decisive = ExitCode.decisive(failure);
    return decisive instanceof SnapshotStoreException ? ((SnapshotStoreException) decisive).whatToDo() : code.whatToDo();
  }

  /**
   * The printed text: the line, then (config errors only) the problem lines of a multi-problem
   * message. Any other message is joined into the one line (e.g. PostgreSQL's "Position: 15").
   */
  static String of(ExitCode code, String message, String whatToDo) {
    List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (code != ExitCode.CONFIG_ERROR) {
      lines = List.of(String.join(" ", lines));
    }
    String head = lines.isEmpty() ? "" : lines.get(0).strip();
    if (head.endsWith(":")) {
      head = head.substring(0, head.length() - 1);
    }
    StringBuilder text = new StringBuilder("actito-sync: ").append(code.kind()).append(": ").append(head)
        .append(" — ").append(whatToDo);
    lines.stream().skip(1).forEach(line -> text.append("\n  ").append(line));
    return text.toString();
  }
}
