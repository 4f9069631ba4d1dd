package org.actitosync.pipeline.launch;

/**
 * A run that failed for a reason no typed exception names (the source, the runner, an outage, a
 * job that ended in a state other than DONE): exit code {@link ExitCode#PIPELINE_FAILURE} unless a
 * cause is typed ({@link ExitCode#of}). The message is the one line the user reads.
 */
final class PipelineFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PipelineFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  PipelineFailureException(String message) {
    super(message);
  }

  /** The failure of a pipeline that threw: its innermost cause, or the typed one that decides the code. */
  static PipelineFailureException of(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      root = t;
    }
    return new PipelineFailureException(root.getClass().getSimpleName() + ": " + root.getMessage(), failure);
  }
}
