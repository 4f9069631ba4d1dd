package org.actitosync.actito.etl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class CsvImportFilesTest {
  private static final List<String> COLS = List.of("orderId", "note", "amount");

  private static Map<String, Object> row(Object id, Object note, Object amount) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", id);
    m.put("note", note);
    m.put("amount", amount);
    return m;
  }

  static String unzip(byte[] zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e = in.getNextEntry();
      assertEquals("data.csv", e.getName());
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(null, in.getNextEntry());
      return s;
    }
  }

  @Test
  void rfc4180QuotingUtf8NoBom() {
    byte[] csv = CsvImportFiles.csv(COLS, List.of(
        row("o-1", "plain", 10.5),
        row("o 2", "has;semi,comma \"quoted\"", new BigDecimal("1E+3")),
        row("é/=+", "multi\nline", null),
        row("o-4", null, 1e20)), CsvFormat.defaults());
    assertTrue((csv[0] & 0xFF) != 0xEF, "no BOM");
    assertEquals("orderId;note;amount\n"
        + "o-1;plain;10.5\n"
        + "o 2;\"has;semi,comma \"\"quoted\"\"\";1000\n"
        + "é/=+;\"multi\nline\";\n"
        + "o-4;;100000000000000000000\n", new String(csv, StandardCharsets.UTF_8));
  }

  @Test
  void otherSeparator() {
    byte[] csv = CsvImportFiles.csv(List.of("a", "b"), List.of(Map.of("a", "x;y", "b", true)),
        CsvFormat.of(';', "\r\n"));
    assertEquals("a;b\r\n\"x;y\";true\r\n", new String(csv, StandardCharsets.UTF_8));
  }

  @Test
  void rejectsUnknownColumnsAndTypes() {
    assertThrows(IllegalArgumentException.class, () -> CsvImportFiles.csv(COLS,
        List.of(Map.of("nope", 1)), CsvFormat.defaults()));
    assertThrows(IllegalArgumentException.class, () -> CsvImportFiles.csv(COLS,
        List.of(Map.of("orderId", java.time.LocalDate.EPOCH)), CsvFormat.defaults()));
  }

  @Test
  void zipAndGzipAreDeterministic() throws IOException {
    List<Map<String, Object>> rows = List.of(row("o-1", "n", 1));
    ImportFile zip = CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.ZIP, 1 << 20);
    ImportFile again = CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.ZIP, 1 << 20);
    assertArrayEquals(zip.bytes(), again.bytes());
    assertEquals("data.csv.zip", zip.fileName());
    assertEquals(1, zip.rows());
    assertEquals("orderId;note;amount\no-1;n;1\n", unzip(zip.bytes()));

    ImportFile gz = CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.GZIP, 1 << 20);
    assertEquals("data.csv.gz", gz.fileName());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.bytes()))) {
      assertEquals("orderId;note;amount\no-1;n;1\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    ImportFile plain = CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.NONE, 1 << 20);
    assertEquals("data.csv", plain.fileName());
    assertEquals("orderId;note;amount\no-1;n;1\n", new String(plain.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void buildRefusesAFileOverTheCap() {
    Random r = new Random(1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row("o-" + i, Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()), i));
    }
    ImportFileTooLargeException e = assertThrows(ImportFileTooLargeException.class,
        () -> CsvImportFiles.build(COLS, rows, CsvFormat.defaults(), Compression.ZIP, 2000));
    assertTrue(e.getMessage().contains("2000-byte cap"), e.getMessage());
  }

  @Test
  void splitKeepsEveryRowInOrderUnderTheCap() throws IOException {
    Random r = new Random(2);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(row("o-" + i, Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()), i));
    }
    long cap = 20_000;
    List<ImportFile> files = CsvImportFiles.split(COLS, rows, CsvFormat.defaults(), Compression.ZIP, cap);
    assertTrue(files.size() > 1);
    StringBuilder all = new StringBuilder();
    int total = 0;
    for (ImportFile f : files) {
      assertTrue(f.sizeBytes() <= cap, f.toString());
      String csv = unzip(f.bytes());
      assertTrue(csv.startsWith("orderId;note;amount\n"));
      all.append(csv.substring("orderId;note;amount\n".length()));
      total += f.rows();
    }
    assertEquals(3000, total);
    String expected = new String(CsvImportFiles.csv(COLS, rows, CsvFormat.defaults()),
        StandardCharsets.UTF_8).substring("orderId;note;amount\n".length());
    assertEquals(expected, all.toString());
  }

  @Test
  void splitRefusesARowThatCannotFit() {
    assertThrows(ImportFileTooLargeException.class, () -> CsvImportFiles.split(COLS,
        List.of(row("o", "x".repeat(5000), 1)), CsvFormat.defaults(), Compression.ZIP, 3000));
  }

  @Test
  void cellsAReaderWouldTrimOrSplitAreQuoted() {
    // found by FuzzEndToEndTest: " 8" was imported as "8" and a bare CR split the line
    List<String> cols = List.of("orderId", "note");
    List<Map<String, Object>> rows = List.of(
        Map.of("orderId", " 8", "note", "a\rb"), Map.of("orderId", "8 ", "note", " "),
        Map.of("orderId", "\t9", "note", "in side"));
    byte[] csv = CsvImportFiles.csv(cols, rows, CsvFormat.defaults());
    assertEquals("orderId;note\n\" 8\";\"a\rb\"\n\"8 \";\" \"\n\"\t9\";in side\n",
        new String(csv, StandardCharsets.UTF_8));
    var read = org.actitosync.emulator.imports.ImportFileReader.read(csv, StandardCharsets.UTF_8, ';', true);
    assertEquals(List.of(List.of(" 8", "a\rb"), List.of("8 ", " "), List.of("\t9", "in side")), read.rows());
  }
}
