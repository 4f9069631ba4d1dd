package org.actitosync.pipeline.config;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where a secret (a database password) is: an environment variable or a file. Only the location is
 * kept and serialized; the value is read when {@link #reveal()} is first called, where the
 * connection is made (launcher or worker), and never appears in {@link #toString()}.
 */
public final class SecretRef implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean env;
  private final String location;

  private SecretRef(boolean env, String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("secret location must not be blank");
    }
    this.env = env;
    this.location = location;
  }

  public static SecretRef fromEnv(String variable) {
    return new SecretRef(true, variable);
  }

  public static SecretRef fromFile(String path) {
    return new SecretRef(false, path);
  }

  /** Safe to print: {@code env:NAME} or {@code file:PATH}. */
  public String describeSource() {
    return (env ? "env:" : "file:") + location;
  }

  /**
   * The secret itself (a file's content is trimmed). Callers must not log it.
   *
   * @throws IllegalStateException when the variable is unset or empty, or the file is empty (the
   *     message names the variable or file, never a value)
   */
  public String reveal() {
    if (env) {
      String value = System.getenv(location);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException("environment variable " + location + " is not set or empty");
      }
      return value;
    }
    try {
      String value = Files.readString(Paths.get(location), StandardCharsets.UTF_8).trim();
      if (value.isEmpty()) {
        throw new IllegalStateException("secret file " + location + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret file " + location, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretRef
        && env == ((SecretRef) o).env
        && location.equals(((SecretRef) o).location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(env, location);
  }

  @Override
  public String toString() {
    return "SecretRef[" + describeSource() + "]";
  }
}
