package org.actitosync.actito.etl;

/**
 * How an import CSV is packed: ZIP (one CSV inside), GZIP (the default) or NONE (the CSV as is).
 * The name is what a one-shot ETL definition's {@code ${compression}} receives.
 */
public enum Compression {
  ZIP("application/zip", ".zip"),
  GZIP("application/gzip", ".gz"),
  NONE("text/csv", "");

  private final String mediaType;
  private final String suffix;

  Compression(String mediaType, String suffix) {
    this.mediaType = mediaType;
    this.suffix = suffix;
  }

  public String mediaType() {
    return mediaType;
  }

  /** File name suffix appended to the CSV name ({@code data.csv.zip}, {@code data.csv.gz}). */
  public String suffix() {
    return suffix;
  }
}
