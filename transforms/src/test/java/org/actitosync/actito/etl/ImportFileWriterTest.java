package org.actitosync.actito.etl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The streamed import file: the same bytes as the in-memory build and the same cuts as {@link
 * CsvImportFiles#split}, on disk, uploaded from the file, deleted on close.
 */
class ImportFileWriterTest {
  private static final List<String> COLS = List.of("orderId", "note", "amount");

  @TempDir Path dir;

  private static List<Map<String, Object>> rows(int n, long seed) {
    Random r = new Random(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("orderId", "o-" + i);
      m.put("note", i % 7 == 0 ? "has;semi \"q\"" : Long.toHexString(r.nextLong()));
      m.put("amount", i % 5 == 0 ? null : i + ".25");
      rows.add(m);
    }
    return rows;
  }

  /** Cuts rows with {@link ImportFileWriter#fits}, as the writer of the bulk path does. */
  private List<byte[]> streamed(List<Map<String, Object>> rows, Compression compression, long cap,
      List<ImportFile> files) {
    List<byte[]> bytes = new ArrayList<>();
    ImportFileWriter writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(), compression, cap);
    for (Map<String, Object> row : rows) {
      byte[] line = writer.line(row);
      if (!writer.fits(line)) {
        files.add(writer.finish());
        bytes.add(writer.finish().bytes());
        writer.close();
        writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(), compression, cap);
      }
      writer.add(line);
    }
    files.add(writer.finish());
    bytes.add(writer.finish().bytes());
    writer.close();
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void theSameBytesAndCutsAsTheInMemorySplit(Compression compression) throws IOException {
    List<Map<String, Object>> rows = rows(3000, 5);
    long cap = 20_000;
    List<ImportFile> expected = CsvImportFiles.split(COLS, rows, CsvFormat.defaults(), compression, cap);
    List<ImportFile> files = new ArrayList<>();
    List<byte[]> actual = streamed(rows, compression, cap, files);
    assertTrue(expected.size() > 3, "several files: " + expected.size());
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).bytes(), actual.get(i), "file " + i);
      assertEquals(expected.get(i).rows(), files.get(i).rows());
      assertEquals(expected.get(i).sizeBytes(), files.get(i).sizeBytes());
      assertTrue(files.get(i).sizeBytes() <= cap);
      assertEquals(expected.get(i).fileName(), files.get(i).fileName());
    }
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "every temporary file deleted on close");
    }
  }

  @Test
  void aLargeGzipFileIsTheSameAsBuiltInMemory() {
    List<Map<String, Object>> rows = rows(50_000, 9);
    ImportFile built = CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.GZIP, 100L << 20);
    try (ImportFileWriter writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(),
        Compression.GZIP, 100L << 20)) {
      rows.forEach(r -> writer.add(writer.line(r)));
      assertArrayEquals(built.bytes(), writer.finish().bytes());
      assertEquals(50_000, writer.finish().rows());
    }
  }

  @Test
  void theUploadIsStreamedFromTheFile() throws IOException {
    try (ImportFileWriter writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(),
        Compression.GZIP, 1 << 20)) {
      rows(10, 1).forEach(r -> writer.add(writer.line(r)));
      ImportFile file = writer.finish();
      assertTrue(file.content() instanceof FileContent, file.content().getClass().getName());
      assertEquals(file.sizeBytes(), file.content().getLength());
      assertTrue(file.toString().contains("on disk"), file.toString());
      try (var inDir = Files.list(dir)) {
        assertEquals(1, inDir.count());
      }
    }
    try (var left = Files.list(dir)) {
      assertFalse(left.findAny().isPresent(), "deleted on close");
    }
  }

  @Test
  void aRowThatCannotFitIsRefusedAndAnOversizedFileIsNotFinished() {
    try (ImportFileWriter writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(),
        Compression.ZIP, 3000)) {
      Map<String, Object> big = new LinkedHashMap<>(rows(1, 1).get(0));
      big.put("note", "x".repeat(5000));
      assertThrows(ImportFileTooLargeException.class, () -> writer.line(big));
    }
    // lines added past fits() (a caller that does not cut) make a file over the cap: refused
    try (ImportFileWriter writer = ImportFileWriter.create(dir, COLS, CsvFormat.defaults(),
        Compression.NONE, 3000)) {
      rows(200, 3).forEach(r -> writer.add(writer.line(r)));
      assertThrows(ImportFileTooLargeException.class, writer::finish);
    }
  }
}
