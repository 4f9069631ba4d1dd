package org.actitosync.runners.dataflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Secret Manager secret version: {@code projects/<p>/secrets/<s>/versions/<v>}. */
public final class SecretVersionName {
  /** Also the template parameters' validation regex. */
  public static final String REGEX =
      "^projects/([a-z0-9-]{1,63}|[0-9]+)/secrets/([A-Za-z0-9_-]{1,255})/versions/(latest|[0-9]+)$";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private final String project;
  private final String secret;
  private final String version;

  private SecretVersionName(String project, String secret, String version) {
    this.project = project;
    this.secret = secret;
    this.version = version;
  }

  /**
   * @throws IllegalArgumentException when {@code reference} is not a full version name (the
   *     message quotes the reference: it names a secret, it is not one)
   */
  public static SecretVersionName parse(String reference) {
    Matcher m = reference == null ? null : PATTERN.matcher(reference.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "not a Secret Manager version name: '" + reference
              + "'; expected projects/PROJECT/secrets/SECRET/versions/VERSION (VERSION a number or latest)");
    }
    return new SecretVersionName(m.group(1), m.group(2), m.group(3));
  }

  public String project() {
    return project;
  }

  public String secret() {
    return secret;
  }

  public String version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretVersionName && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The full name, as given to Secret Manager. */
  @Override
  public String toString() {
    return "projects/" + project + "/secrets/" + secret + "/versions/" + version;
  }
}
