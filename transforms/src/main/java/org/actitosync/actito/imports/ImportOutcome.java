package org.actitosync.actito.imports;

import com.google.auto.value.AutoValue;
import java.util.Map;

/** A finished import: its final result and, when a result file was asked for, rows by key. */
@AutoValue
public abstract class ImportOutcome {
  public abstract ImportResult result();

  /** Row outcomes by key column value (empty when no result file was generated). */
  public abstract Map<String, RowResult> rows();

  public static ImportOutcome of(ImportResult result, Map<String, RowResult> rows) {
    return new AutoValue_ImportOutcome(result, java.util.Collections.unmodifiableMap(rows));
  }
}
