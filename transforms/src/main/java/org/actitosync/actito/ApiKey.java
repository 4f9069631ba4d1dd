package org.actitosync.actito;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Holder of the Actito API key. Its {@link #toString()} never shows the key.
 *
 * <p>{@link #fromEnv} and {@link #fromFile} keep only <em>where</em> the key is: the value is read
 * lazily, where the client runs (launcher or worker), and is never serialized. The environment
 * variable or file must therefore exist on the machines that build a client (in Beam: the workers,
 * since DoFns build the client in {@code @Setup}). {@link #of} keeps the value itself (and
 * serializes it): meant for tests.
 */
public final class ApiKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Source {
    VALUE,
    ENV,
    FILE
  }

  private final Source source;
  private final String location; // env name or file path; null for VALUE
  private final String literal; // only for VALUE
  private transient volatile String cached;

  private ApiKey(Source source, String location, String literal) {
    this.source = source;
    this.location = location;
    this.literal = literal;
  }

  /** The key as a literal value (tests). */
  public static ApiKey of(String value) {
    requireNonBlank(value, "API key value");
    return new ApiKey(Source.VALUE, null, value);
  }

  /** The key read from environment variable {@code name} when first needed. */
  public static ApiKey fromEnv(String name) {
    requireNonBlank(name, "environment variable name");
    return new ApiKey(Source.ENV, name, null);
  }

  /** The key read (UTF-8, trimmed) from the file at {@code path} when first needed. */
  public static ApiKey fromFile(String path) {
    requireNonBlank(path, "API key file path");
    return new ApiKey(Source.FILE, path, null);
  }

  /** Same as {@link #fromFile(String)}. */
  public static ApiKey fromFile(Path path) {
    return fromFile(path.toString());
  }

  /**
   * The key itself. Callers must not log it.
   *
   * @throws IllegalStateException when the variable or file is missing or empty (the message
   *     names the variable or file, never a value)
   */
  public String reveal() {
    String value = cached;
    if (value == null) {
      value = load();
      cached = value;
    }
    return value;
  }

  /** Where the key comes from, safe to print: "literal", "env:NAME" or "file:PATH". */
  public String describeSource() {
    switch (source) {
      case ENV:
        return "env:" + location;
      case FILE:
        return "file:" + location;
      default:
        return "literal";
    }
  }

  private String load() {
    switch (source) {
      case VALUE:
        return literal;
      case ENV:
        {
          String v = System.getenv(location);
          if (v == null || v.isBlank()) {
            throw new IllegalStateException(
                "Actito API key: environment variable " + location + " is not set or empty");
          }
          return v.trim();
        }
      case FILE:
        try {
          String v = Files.readString(Paths.get(location), StandardCharsets.UTF_8).trim();
          if (v.isEmpty()) {
            throw new IllegalStateException("Actito API key: file " + location + " is empty");
          }
          return v;
        } catch (IOException e) {
          throw new UncheckedIOException("Actito API key: cannot read file " + location, e);
        }
      default:
        throw new AssertionError(source);
    }
  }

  private static void requireNonBlank(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ApiKey)) {
      return false;
    }
    ApiKey other = (ApiKey) o;
    return source == other.source
        && Objects.equals(location, other.location)
        && Objects.equals(literal, other.literal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, location, literal);
  }

  /** Never shows the key: {@code ApiKey[env:NAME]}, {@code ApiKey[file:PATH]} or {@code ApiKey[redacted]}. */
  @Override
  public String toString() {
    return source == Source.VALUE ? "ApiKey[redacted]" : "ApiKey[" + describeSource() + "]";
  }
}
