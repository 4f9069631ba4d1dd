package org.actitosync.actito.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an import result file: a CSV in the import's separator whose header is the input header
 * plus a status column and a message column (default {@code resultStatus} / {@code resultMessage};
 * Actito's real layout is not documented, so both names are parameters).
 */
public final class ResultFiles {
  public static final String STATUS_COLUMN = "resultStatus";
  public static final String MESSAGE_COLUMN = "resultMessage";

  private static final CsvMapper CSV = new CsvMapper();

  private ResultFiles() {}

  /** Row results by the value of {@code keyColumn}, in file order (a repeated key: last row wins). */
  public static Map<String, RowResult> parse(byte[] csv, char separator, String keyColumn) {
    return parse(csv, separator, keyColumn, STATUS_COLUMN, MESSAGE_COLUMN);
  }

  public static Map<String, RowResult> parse(byte[] csv, char separator, String keyColumn,
      String statusColumn, String messageColumn) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
    Map<String, RowResult> out = new LinkedHashMap<>();
    int start = hasBom(csv) ? 3 : 0;
    try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
        .readValues(csv, start, csv.length - start)) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        if (!row.containsKey(keyColumn) || !row.containsKey(statusColumn)) {
          throw new IllegalStateException("import result file lacks column " + keyColumn
              + " or " + statusColumn + "; columns: " + row.keySet());
        }
        out.put(row.get(keyColumn), RowResult.of(row.get(statusColumn), row.get(messageColumn)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable import result file", e);
    }
    return out;
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
