package org.actitosync.actito.imports;

/** How an import CSV is packed. Actito accepts ZIP (one CSV inside) or GZIP. */
public enum Compression {
  ZIP("application/zip", ".zip"),
  GZIP("application/gzip", ".gz");

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
