package org.actitosync.actito.etl;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.FileContent;
import com.google.api.client.http.HttpContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A compressed CSV ready to upload, with the number of data rows and the columns it holds. Its bytes
 * are either on the heap ({@link CsvImportFiles#build}, {@link CsvImportFiles#split}) or in a
 * temporary file ({@link ImportFileWriter#finish}), which is uploaded by streaming it and is usable
 * only until its writer is closed.
 */
public final class ImportFile {
  private final String csvName;
  private final Compression compression;
  private final byte[] bytes;
  private final Path path;
  private final long size;
  private final int rows;
  private final List<String> columns;
  private final CsvFormat format;

  ImportFile(String csvName, Compression compression, byte[] bytes, int rows, List<String> columns,
      CsvFormat format) {
    this(csvName, compression, bytes, null, bytes.length, rows, columns, format);
  }

  ImportFile(String csvName, Compression compression, Path path, long size, int rows,
      List<String> columns, CsvFormat format) {
    this(csvName, compression, null, path, size, rows, columns, format);
  }

  private ImportFile(String csvName, Compression compression, byte[] bytes, Path path, long size,
      int rows, List<String> columns, CsvFormat format) {
    this.csvName = csvName;
    this.compression = compression;
    this.bytes = bytes;
    this.path = path;
    this.size = size;
    this.rows = rows;
    this.columns = List.copyOf(columns);
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

  /** The compressed bytes (a copy; read from the file when the file is on disk). */
  public byte[] bytes() {
    if (bytes != null) {
      return bytes.clone();
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The upload's content: streamed from the file when it is on disk, never copied. */
  HttpContent content() {
    return bytes != null
        ? new ByteArrayContent(compression.mediaType(), bytes)
        : new FileContent(compression.mediaType(), path.toFile());
  }

  public long sizeBytes() {
    return size;
  }

  public int rows() {
    return rows;
  }

  public List<String> columns() {
    return columns;
  }

  public CsvFormat format() {
    return format;
  }

  @Override
  public String toString() {
    return "ImportFile{" + fileName() + ", " + rows + " rows, " + size + " bytes"
        + (path == null ? "" : ", on disk") + "}";
  }
}
