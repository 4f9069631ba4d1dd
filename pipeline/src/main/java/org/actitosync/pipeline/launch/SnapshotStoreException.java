package org.actitosync.pipeline.launch;

/**
 * The snapshot store cannot be read or written where the launcher needs it (before the pipeline:
 * the committed run and the history; after it: the run's files and its report), e.g. a truncated
 * {@code manifest.json}. Exit code {@link ExitCode#PIPELINE_FAILURE}: nothing was committed by
 * this run. The message names the store and the file.
 */
public final class SnapshotStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String whatToDo;

  SnapshotStoreException(String root, String file, Throwable cause, String whatToDo) {
    super("the snapshot store at " + root + " is damaged or unreadable: " + file + ": " + reason(cause), cause);
    this.whatToDo = whatToDo;
  }

  /** What the user does: restore the file (named in the message). */
  public String whatToDo() {
    return whatToDo;
  }

  /** The first line of the innermost message (Jackson's messages run over several lines). */
  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof com.fasterxml.jackson.core.JsonProcessingException
        ? ((com.fasterxml.jackson.core.JsonProcessingException) root).getOriginalMessage()
        : root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse("").trim();
  }
}
