package org.actitosync.actito.http;

import com.google.api.client.util.escape.PercentEscaper;

/**
 * Percent-encodes one path segment or query component strictly: everything except ASCII letters,
 * digits and {@code -_.~} is UTF-8 percent-encoded, so a space becomes {@code %20} (never {@code
 * +}), {@code /} becomes {@code %2F}, {@code =} {@code %3D}, {@code +} {@code %2B}, {@code é}
 * {@code %C3%A9}. Strict on purpose: servers disagree on decoding {@code +} and {@code =} in paths.
 */
public final class PathEscaper {
  private static final PercentEscaper STRICT = new PercentEscaper("-_.~");

  private PathEscaper() {}

  public static String escape(String raw) {
    return STRICT.escape(raw);
  }
}
