package org.actitosync.actito.etl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds import files: rows ({@code Map} column → value) → UTF-8 CSV (see {@link CsvFormat}) →
 * ZIP or GZIP. Cells: {@code null} → empty, String as is, Boolean {@code true}/{@code false},
 * integral numbers as digits, decimals in plain notation ({@code 10.5}, never {@code 1.0E20}); other
 * types are rejected. An empty cell sets the attribute to null (clears it on update): to leave an
 * attribute untouched, leave its column out of {@code columns}. The output is byte-for-byte
 * deterministic (fixed zip entry time), so a rebuilt file is identical.
 */
public final class CsvImportFiles {
  /** Default name of the CSV inside the upload. */
  public static final String DEFAULT_CSV_NAME = "data.csv";

  static final long ZIP_ENTRY_TIME = 315532800000L; // 1980-01-01T00:00:00Z, zip's epoch

  private CsvImportFiles() {}

  /**
   * One file holding every row.
   *
   * @throws ImportFileTooLargeException when the compressed file exceeds {@code maxBytes}
   */
  public static ImportFile build(List<String> columns, Iterable<? extends Map<String, ?>> rows,
      CsvFormat format, Compression compression, long maxBytes) {
    CsvFormat writer = format;
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    write(csv, encode(writer, columns));
    int count = 0;
    for (Map<String, ?> row : rows) {
      write(csv, encode(writer, cells(columns, row)));
      count++;
    }
    byte[] packed = compress(csv.toByteArray(), DEFAULT_CSV_NAME, compression);
    if (packed.length > maxBytes) {
      throw new ImportFileTooLargeException("the import file", packed.length, maxBytes);
    }
    return new ImportFile(DEFAULT_CSV_NAME, compression, packed, count, columns, format);
  }

  /**
   * Splits rows into as few files as possible (rows kept in order), each with the header and each
   * at most {@code maxBytesPerFile} compressed. Files are cut on the uncompressed size (with a
   * margin for compression overhead), so the cap holds even for incompressible data.
   *
   * @throws ImportFileTooLargeException when a single row cannot fit in a file
   */
  public static List<ImportFile> split(List<String> columns,
      Iterable<? extends Map<String, ?>> rows, CsvFormat format, Compression compression,
      long maxBytesPerFile) {
    long limit = cutLimit(maxBytesPerFile);
    CsvFormat writer = format;
    byte[] header = encode(writer, columns);
    List<ImportFile> files = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    int count = 0;
    for (Map<String, ?> row : rows) {
      byte[] line = encode(writer, cells(columns, row));
      if (header.length + line.length > limit) {
        throw new ImportFileTooLargeException("one row (with the header)",
            header.length + line.length, Math.max(limit, 0));
      }
      if (count > 0 && header.length + current.size() + line.length > limit) {
        files.add(finish(header, current, count, columns, format, compression, maxBytesPerFile));
        current = new ByteArrayOutputStream();
        count = 0;
      }
      write(current, line);
      count++;
    }
    if (count > 0 || files.isEmpty()) {
      files.add(finish(header, current, count, columns, format, compression, maxBytesPerFile));
    }
    return files;
  }

  /**
   * The most uncompressed CSV bytes (header included) a file under {@code maxBytesPerFile} holds:
   * the cap less a margin for the compression's overhead (1 KiB + 1 %), so the cap holds even for
   * incompressible data. Shared by {@link #split} and {@link ImportFileWriter}.
   */
  static long cutLimit(long maxBytesPerFile) {
    return maxBytesPerFile - 1024 - maxBytesPerFile / 100;
  }

  /** The uncompressed CSV (header + rows), e.g. for tests. */
  public static byte[] csv(List<String> columns, Iterable<? extends Map<String, ?>> rows,
      CsvFormat format) {
    CsvFormat writer = format;
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    write(csv, encode(writer, columns));
    for (Map<String, ?> row : rows) {
      write(csv, encode(writer, cells(columns, row)));
    }
    return csv.toByteArray();
  }

  private static ImportFile finish(byte[] header, ByteArrayOutputStream body, int rows,
      List<String> columns, CsvFormat format, Compression compression, long maxBytes) {
    ByteArrayOutputStream csv = new ByteArrayOutputStream(header.length + body.size());
    write(csv, header);
    write(csv, body.toByteArray());
    byte[] packed = compress(csv.toByteArray(), DEFAULT_CSV_NAME, compression);
    if (packed.length > maxBytes) {
      throw new ImportFileTooLargeException("a split import file", packed.length, maxBytes);
    }
    return new ImportFile(DEFAULT_CSV_NAME, compression, packed, rows, columns, format);
  }

  /**
   * One CSV line, RFC 4180: a cell is quoted (quotes doubled) when it holds the separator, a quote,
   * a CR or an LF, or starts or ends with whitespace or a control character, which CSV readers
   * trim or take for a line end (found by FuzzEndToEndTest: " 8" came back as "8", "a\rb" split
   * the line); other cells are written as they are. UTF-8, no BOM.
   */
  static byte[] encode(CsvFormat format, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(format.separator());
      }
      String cell = cells.get(i);
      if (needsQuotes(cell, format.separator())) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.append(format.endOfLine()).toString().getBytes(StandardCharsets.UTF_8);
  }

  static boolean needsQuotes(String cell, char separator) {
    if (cell.isEmpty()) {
      return false;
    }
    if (blank(cell.charAt(0)) || blank(cell.charAt(cell.length() - 1))) {
      return true;
    }
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == separator || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  static List<String> cells(List<String> columns, Map<String, ?> row) {
    Set<String> known = new HashSet<>(columns);
    for (String k : row.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("row has a value for unknown column " + k);
      }
    }
    List<String> cells = new ArrayList<>(columns.size());
    for (String c : columns) {
      cells.add(cell(c, row.get(c)));
    }
    return cells;
  }

  static String cell(String column, Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("column " + column + ": non-finite number");
      }
      return new BigDecimal(v.toString()).toPlainString();
    }
    throw new IllegalArgumentException("column " + column + ": unsupported value type "
        + v.getClass().getName() + " (send String, Boolean, a finite Number or null)");
  }

  static byte[] compress(byte[] csv, String csvName, Compression compression) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length / 4 + 256);
    try {
      if (compression == Compression.NONE) {
        return csv;
      }
      if (compression == Compression.ZIP) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
          ZipEntry entry = new ZipEntry(csvName);
          entry.setTime(ZIP_ENTRY_TIME);
          zip.putNextEntry(entry);
          zip.write(csv);
          zip.closeEntry();
        }
      } else {
        try (OutputStream gz = new GZIPOutputStream(out)) {
          gz.write(csv);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes, 0, bytes.length);
  }
}
