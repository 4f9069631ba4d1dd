package org.actitosync.emulator.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The result file of a finished import (inferred layout): the input header plus {@code resultStatus}
 * ({@code CREATED}/{@code UPDATED}/{@code SKIPPED}/{@code ERROR}) and {@code resultMessage}, then one
 * line per input data line in file order, with the import's separator; RFC 4180 quoting; LF line ends.
 */
public final class ResultFileWriter {
  private ResultFileWriter() {
  }

  public static String write(ImportJob job) {
    return write(job, List.of("resultStatus", "resultMessage"), false);
  }

  /**
   * The error report of a finished ETL execution (inferred layout): the input header plus
   * {@code errorMessage}, then one line per input data line in error ({@code ERROR}), in file order.
   */
  public static String errorReport(ImportJob job) {
    return write(job, List.of("errorMessage"), true);
  }

  private static String write(ImportJob job, List<String> extraColumns, boolean errorsOnly) {
    char sep = job.parameters().separator();
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(job.header());
    header.addAll(extraColumns);
    line(out, header, sep);
    for (ImportJob.RowResult r : job.results()) {
      if (errorsOnly && !ImportJob.ERROR.equals(r.status())) {
        continue;
      }
      List<String> cells = new ArrayList<>(r.cells());
      if (!errorsOnly) {
        cells.add(r.status());
      }
      cells.add(r.message());
      line(out, cells, sep);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, char sep) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(sep);
      }
      String c = cells.get(i) == null ? "" : cells.get(i);
      if (c.indexOf(sep) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append('\n');
  }
}
