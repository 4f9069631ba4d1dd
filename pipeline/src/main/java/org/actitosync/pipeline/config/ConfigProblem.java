package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * One thing wrong with an activation config: the field path ({@code mapping[2].attribute}, {@code
 * write.concurrency}, ...; empty for the file as a whole) and what is wrong with it.
 */
@AutoValue
public abstract class ConfigProblem implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract String path();

  public abstract String message();

  public static ConfigProblem of(String path, String message) {
    return new AutoValue_ConfigProblem(path, message);
  }

  @Override
  public final String toString() {
    return path().isEmpty() ? message() : path() + ": " + message();
  }
}
