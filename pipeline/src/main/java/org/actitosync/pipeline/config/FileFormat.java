package org.actitosync.pipeline.config;

import java.util.Locale;

/** Formats of a {@code files} source. */
public enum FileFormat {
  /** CSV with a header line (RFC 4180 quoting; an empty field is null). */
  CSV,
  /** One JSON object per line. */
  JSONL,
  AVRO,
  PARQUET;

  /** The name used in the config file: {@code csv}, {@code jsonl}, {@code avro}, {@code parquet}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
