package org.actitosync.runners.dataflow;

import java.io.IOException;

/** Reads one secret version's value. Implementations never log the value. */
@FunctionalInterface
public interface SecretSource {
  /**
   * @throws IOException when the secret cannot be read (the message must not contain the value)
   */
  String access(SecretVersionName name) throws IOException;
}
