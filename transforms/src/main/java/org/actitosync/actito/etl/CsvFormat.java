package org.actitosync.actito.etl;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * CSV dialect of import files: UTF-8 without BOM, RFC 4180 quoting (fields containing the
 * separator, a quote or a line break are quoted, quotes doubled), a header line, this separator
 * (default {@code ;}, what a triggered ETL must be defined with) and end of line (default {@code
 * \n}, as in Actito's own samples).
 */
@AutoValue
public abstract class CsvFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract char separator();

  public abstract String endOfLine();

  public static CsvFormat of(char separator, String endOfLine) {
    if (!"\n".equals(endOfLine) && !"\r\n".equals(endOfLine)) {
      throw new IllegalArgumentException("endOfLine must be \\n or \\r\\n");
    }
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("invalid separator");
    }
    return new AutoValue_CsvFormat(separator, endOfLine);
  }

  public static CsvFormat defaults() {
    return of(';', "\n");
  }
}
