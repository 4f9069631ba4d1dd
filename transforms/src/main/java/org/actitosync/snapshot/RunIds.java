package org.actitosync.snapshot;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Run ids: {@code yyyyMMdd'T'HHmmssSSS'Z'-xxxxxx}, UTC start time plus 24 random bits. They sort
 * by start time, which retention relies on, and two runs started in the same millisecond differ.
 */
public final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String newRunId(Instant start) {
    return FORMAT.format(start) + String.format(Locale.ROOT, "-%06x", RANDOM.nextInt(1 << 24));
  }

  /**
   * Whether {@code id} can name a run folder: generated ids, or ids given with {@code --runId}
   * made of letters, digits, '.', '_' and '-' (nothing that could leave the activation's folder).
   */
  public static boolean isValid(String id) {
    return id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  }
}
