package org.actitosync.guard;

import java.util.List;

/** A guard refused the run: nothing was written and the snapshot is unchanged. */
public final class GuardRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GuardRefusedException(List<String> refusals) {
    super(String.join("; ", refusals));
  }
}
