package org.actitosync.pipeline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test configs from src/test/resources/configs. */
final class Configs {
  private Configs() {}

  static String text(String name) {
    try (InputStream in = Configs.class.getResourceAsStream("/configs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The valid orders.yaml with {@code from} replaced by {@code to} (which must occur). */
  static String ordersWith(String from, String to) {
    String text = text("orders.yaml");
    if (!text.contains(from)) {
      throw new IllegalArgumentException("orders.yaml has no '" + from + "'");
    }
    return text.replace(from, to);
  }
}
