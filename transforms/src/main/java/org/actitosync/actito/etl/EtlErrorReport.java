package org.actitosync.actito.etl;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ETL execution's error report: a CSV in the data file's separator whose header is the data
 * file's header plus the contract's message column, one line per data line in error (inferred
 * layout, {@link EtlContract#reportMessageColumn()}).
 *
 * <p>Evidence rule: {@link #rejectedByKey} answers only when the report provably matches the
 * file; anything doubtful throws, and the caller then treats every row of the execution as
 * unknown.
 */
public final class EtlErrorReport {
  private static final CsvMapper CSV = new CsvMapper();

  private final List<Map<String, String>> lines;

  private EtlErrorReport(List<Map<String, String>> lines) {
    this.lines = lines;
  }

  /**
   * Parses a report.
   *
   * @throws IllegalStateException when it is not a CSV with both {@code keyColumn} and {@code
   *     messageColumn} in its header
   */
  public static EtlErrorReport parse(byte[] csv, char separator, String keyColumn,
      String messageColumn) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)
        .withStrictHeaders(false);
    List<Map<String, String>> lines = new ArrayList<>();
    int start = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB
        && (csv[2] & 0xFF) == 0xBF ? 3 : 0;
    try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
        .readValues(csv, start, csv.length - start)) {
      CsvSchema header = null;
      while (it.hasNext()) {
        Map<String, String> line = it.next();
        if (header == null) {
          header = (CsvSchema) it.getParser().getSchema();
          if (header.column(keyColumn) == null || header.column(messageColumn) == null) {
            throw new IllegalStateException("the error report's header lacks column " + keyColumn
                + " or " + messageColumn);
          }
        }
        if (line.get(keyColumn) == null) {
          throw new IllegalStateException("an error report line has no " + keyColumn);
        }
        lines.add(line);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException) {
        throw (IllegalStateException) e;
      }
      throw new IllegalStateException("unreadable error report: " + e.getMessage(), e);
    }
    return new EtlErrorReport(lines);
  }

  /**
   * The keys its lines name: a caller can then pass {@link #rejectedByKey} only the file's keys
   * among them (the answer is the same as with every key of the file) without holding the file's
   * keys on the heap.
   */
  public Set<String> keys(String keyColumn) {
    Set<String> keys = new HashSet<>();
    for (Map<String, String> line : lines) {
      keys.add(line.get(keyColumn));
    }
    return keys;
  }

  public int size() {
    return lines.size();
  }

  /**
   * Actito's message by key for the lines in error, when the report matches the file: at least one
   * line, every line's key is one of {@code fileKeys}, no key twice, and as many lines as {@code
   * rowsInError} when the status gave it.
   *
   * @throws IllegalStateException saying why the report does not match
   */
  public Map<String, String> rejectedByKey(Collection<String> fileKeys, String keyColumn,
      String messageColumn, @Nullable Long rowsInError) {
    if (lines.isEmpty()) {
      throw new IllegalStateException("the execution ended WITH_ERROR but its error report lists no line");
    }
    if (rowsInError != null && rowsInError != lines.size()) {
      throw new IllegalStateException("the error report lists " + lines.size()
          + " lines but the execution reports " + rowsInError + " rows in error");
    }
    Set<String> known = new HashSet<>(fileKeys);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> line : lines) {
      String key = line.get(keyColumn);
      if (!known.contains(key)) {
        throw new IllegalStateException("the error report names key '" + key
            + "', which is not in the file");
      }
      String message = line.get(messageColumn);
      if (out.put(key, message == null || message.isEmpty() ? "rejected by Actito's ETL" : message)
          != null) {
        throw new IllegalStateException("the error report names key '" + key + "' twice");
      }
    }
    return out;
  }
}
