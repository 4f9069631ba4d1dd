package org.apache.beam.runners.flink.translation.types;

/**
 * One thread's buffers for {@link CoderTypeSerializer}: an output and an input frame, lent to one
 * call at a time. A call made while the thread's frame is lent (a coder that serialises through
 * the same class) gets a frame of its own. Not thread-safe: one instance per thread.
 */
final class FrameBuffers {
  private final FrameOutput output = new FrameOutput();
  private final FrameInput input = new FrameInput();
  private boolean outputLent;
  private boolean inputLent;

  /** The thread's output frame (empty: {@link #giveBack} empties it), or a new one if it is lent. */
  FrameOutput takeOutput() {
    if (outputLent) {
      return new FrameOutput();
    }
    outputLent = true;
    return output;
  }

  /** The thread's input frame, or a new one if it is lent. */
  FrameInput takeInput() {
    if (inputLent) {
      return new FrameInput();
    }
    inputLent = true;
    return input;
  }

  /** Ends a call's use of {@code frame}: the thread's own is emptied, and trimmed if a large record grew it. */
  void giveBack(FrameOutput frame) {
    if (frame == output) {
      frame.trim(CoderTypeSerializer.KEPT_BUFFER_BYTES);
      outputLent = false;
    }
  }

  void giveBack(FrameInput frame) {
    if (frame == input) {
      frame.trim(CoderTypeSerializer.KEPT_BUFFER_BYTES);
      inputLent = false;
    }
  }
}
