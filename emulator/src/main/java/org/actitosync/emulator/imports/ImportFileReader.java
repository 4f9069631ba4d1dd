package org.actitosync.emulator.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.actitosync.emulator.validation.ValidationException;

/**
 * Reads an uploaded import file: ZIP (exactly one file entry), GZIP or plain CSV, detected by magic
 * bytes; decoded with the given charset (a UTF-8 BOM is dropped, or rejected with a 400 when
 * {@code rejectBom}); parsed as RFC 4180 CSV with Jackson's CSV parser (quote {@code "}, empty lines
 * skipped). Any problem is a 400.
 */
public final class ImportFileReader {
  /** The parsed file: header and rows (rows may be ragged; the import reports them per row). */
  public record CsvFile(List<String> header, List<List<String>> rows) {
  }

  private static final CsvMapper CSV = new CsvMapper();

  private ImportFileReader() {
  }

  /** Decompresses and parses {@code upload}; a file starting with a UTF-8 BOM is a 400 when {@code rejectBom}. */
  public static CsvFile read(byte[] upload, Charset charset, char separator, boolean rejectBom) {
    byte[] raw = decompress(upload);
    if (rejectBom && raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB
        && (raw[2] & 0xff) == 0xBF) {
      throw new ValidationException("inputFile", "The file starts with a UTF-8 BOM: files with a BOM are rejected");
    }
    String text = new String(raw, charset);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<List<String>> lines = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES).with(schema).readValues(text)) {
      while (it.hasNextValue()) {
        lines.add(Arrays.asList(it.nextValue()));
      }
    } catch (IOException | RuntimeException e) {
      throw new ValidationException("inputFile", "The CSV file cannot be parsed: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new ValidationException("inputFile", "The CSV file is empty (a header line is required)");
    }
    return new CsvFile(List.copyOf(lines.get(0)), lines.subList(1, lines.size()));
  }

  static byte[] decompress(byte[] upload) {
    try {
      if (upload.length >= 4 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3 && upload[3] == 4) {
        return unzip(upload);
      }
      if (upload.length >= 2 && (upload[0] & 0xff) == 0x1f && (upload[1] & 0xff) == 0x8b) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(upload))) {
          return in.readAllBytes();
        }
      }
      return upload;
    } catch (IOException e) {
      throw new ValidationException("inputFile", "The compressed file cannot be read: " + e.getMessage());
    }
  }

  private static byte[] unzip(byte[] upload) throws IOException {
    byte[] found = null;
    String name = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload), StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
          continue;
        }
        if (found != null) {
          throw new ValidationException("inputFile", "The zip holds more than one file (" + name + ", "
              + e.getName() + ")");
        }
        name = e.getName();
        found = zip.readAllBytes();
      }
    }
    if (found == null) {
      throw new ValidationException("inputFile", "The zip holds no file");
    }
    return found;
  }
}
