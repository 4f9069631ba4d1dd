package org.actitosync.emulator.imports;

/** How the emulator serves ETL error reports (admin knob; {@code reset} → NORMAL). */
public enum ErrorReportMode {
  /** The report as the contract says: 200 CSV, 404 when the execution has none. */
  NORMAL,
  /** 200 with a body that is not the CSV (an HTML error page), for an execution that has a report. */
  GARBLED,
  /** 404 for every report. */
  MISSING
}
