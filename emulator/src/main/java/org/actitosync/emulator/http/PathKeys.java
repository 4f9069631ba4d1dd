package org.actitosync.emulator.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Extracts record / profile keys from the raw request URI and percent-decodes them as UTF-8. A key is
 * everything after the route's marker segment (so an encoded {@code /} — {@code %2F} — stays part of
 * the key), and {@code +} stays a literal plus, as in any URI path (unlike form decoding).
 */
public final class PathKeys {
  private PathKeys() {
  }

  /** The decoded key following {@code /marker/} (last occurrence) in the raw request path. */
  public static String after(Context ctx, String marker) {
    String raw = ctx.req().getRequestURI();
    String needle = "/" + marker + "/";
    int i = raw.lastIndexOf(needle);
    if (i < 0) {
      throw new ApiException(404, "No key in path");
    }
    return decode(raw.substring(i + needle.length()));
  }

  /** Percent-decodes a URI path segment as UTF-8; {@code +} is kept. */
  public static String decode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) + lo);
          i += 2;
          continue;
        }
      }
      byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
        bytes = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      }
      out.write(bytes, 0, bytes.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
