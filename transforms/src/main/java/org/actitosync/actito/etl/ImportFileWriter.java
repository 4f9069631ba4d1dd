package org.actitosync.actito.etl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one import file into a temporary file as its rows arrive, compressing as it goes, so that
 * no row stays on the heap: header first, then each line as {@link CsvImportFiles} encodes it, the
 * same bytes as {@link CsvImportFiles#build} of the same rows. The caller cuts files with {@link
 * #fits}, the rule of {@link CsvImportFiles#split} (on the uncompressed size, with a margin for
 * compression overhead, so the cap holds even for incompressible data). {@link #close} deletes the
 * temporary file: the {@link ImportFile} of {@link #finish} is usable only until then.
 */
public final class ImportFileWriter implements AutoCloseable {
  /** How the names of its temporary files start. */
  public static final String PREFIX = "actito-import-";

  private final List<String> columns;
  private final CsvFormat format;
  private final Compression compression;
  private final long maxBytes;
  private final long limit;
  private final int headerBytes;
  private final Path path;
  private OutputStream out;
  private long csvBytes;
  private int rows;
  private ImportFile file;

  private ImportFileWriter(Path dir, List<String> columns, CsvFormat format,
      Compression compression, long maxBytes) throws IOException {
    this.columns = List.copyOf(columns);
    this.format = format;
    this.compression = compression;
    this.maxBytes = maxBytes;
    this.limit = CsvImportFiles.cutLimit(maxBytes);
    String suffix = ".csv" + compression.suffix();
    this.path = dir == null ? Files.createTempFile(PREFIX, suffix) : Files.createTempFile(dir, PREFIX, suffix);
    try {
      this.out = open(path, compression);
      byte[] header = CsvImportFiles.encode(format, this.columns);
      this.headerBytes = header.length;
      write(header);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A new empty file (the header written) in {@code dir}, or in the JVM's temporary directory when
   * {@code dir} is null.
   */
  public static ImportFileWriter create(Path dir, List<String> columns, CsvFormat format,
      Compression compression, long maxBytes) {
    try {
      return new ImportFileWriter(dir, columns, format, compression, maxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The CSV line of {@code row}.
   *
   * @throws ImportFileTooLargeException when the row cannot fit in any file (with the header)
   */
  public byte[] line(Map<String, ?> row) {
    byte[] line = CsvImportFiles.encode(format, CsvImportFiles.cells(columns, row));
    if (headerBytes + line.length > limit) {
      throw new ImportFileTooLargeException("one row (with the header)", headerBytes + line.length,
          Math.max(limit, 0));
    }
    return line;
  }

  /** Whether {@code line} still goes in this file (always, when it has no row yet). */
  public boolean fits(byte[] line) {
    return rows == 0 || csvBytes + line.length <= limit;
  }

  /** Appends {@code line} (of {@link #line}), whether or not it {@link #fits}. */
  public void add(byte[] line) {
    if (file != null) {
      throw new IllegalStateException("the import file is finished");
    }
    try {
      write(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows++;
  }

  public int rows() {
    return rows;
  }

  /**
   * Ends the file (once; later calls return the same file).
   *
   * @throws ImportFileTooLargeException when the compressed file exceeds the cap
   */
  public ImportFile finish() {
    if (file == null) {
      try {
        out.close();
        out = null;
        long size = Files.size(path);
        if (size > maxBytes) {
          throw new ImportFileTooLargeException("a split import file", size, maxBytes);
        }
        file = new ImportFile(CsvImportFiles.DEFAULT_CSV_NAME, compression, path, size, rows,
            columns, format);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /** Deletes the temporary file (also when unfinished); idempotent. */
  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      // the file is deleted below: nothing of it is used
    } finally {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        path.toFile().deleteOnExit();
      }
    }
  }

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
    csvBytes += bytes.length;
  }

  private static OutputStream open(Path path, Compression compression) throws IOException {
    OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    try {
      switch (compression) {
        case NONE:
          return file;
        case ZIP:
          ZipOutputStream zip = new ZipOutputStream(file);
          ZipEntry entry = new ZipEntry(CsvImportFiles.DEFAULT_CSV_NAME);
          entry.setTime(CsvImportFiles.ZIP_ENTRY_TIME);
          zip.putNextEntry(entry);
          return new BufferedOutputStream(zip, 1 << 16) {
            @Override
            public void close() throws IOException {
              flush();
              zip.closeEntry();
              zip.close();
            }
          };
        default:
          return new BufferedOutputStream(new GZIPOutputStream(file), 1 << 16);
      }
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }
}
