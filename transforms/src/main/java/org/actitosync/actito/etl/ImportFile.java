package org.actitosync.actito.etl;

/** A compressed CSV ready to upload, with the number of data rows and the columns it holds. */
public final class ImportFile {
  private final String csvName;
  private final Compression compression;
  private final byte[] bytes;
  private final int rows;
  private final java.util.List<String> columns;
  private final CsvFormat format;

  ImportFile(String csvName, Compression compression, byte[] bytes, int rows,
      java.util.List<String> columns, CsvFormat format) {
    this.csvName = csvName;
    this.compression = compression;
    this.bytes = bytes;
    this.rows = rows;
    this.columns = java.util.List.copyOf(columns);
    this.format = format;
  }

  /** Name of the upload ({@code data.csv.zip}, {@code data.csv.gz}). */
  public String fileName() {
    return csvName + compression.suffix();
  }

  /** Name of the CSV (inside the zip). */
  public String csvName() {
    return csvName;
  }

  public Compression compression() {
    return compression;
  }

  /** The compressed bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] bytesNoCopy() {
    return bytes;
  }

  public long sizeBytes() {
    return bytes.length;
  }

  public int rows() {
    return rows;
  }

  public java.util.List<String> columns() {
    return columns;
  }

  public CsvFormat format() {
    return format;
  }

  @Override
  public String toString() {
    return "ImportFile{" + fileName() + ", " + rows + " rows, " + bytes.length + " bytes}";
  }
}
