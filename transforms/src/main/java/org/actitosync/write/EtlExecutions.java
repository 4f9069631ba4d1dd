package org.actitosync.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.CsvImportFiles;
import org.actitosync.actito.etl.EtlErrorReport;
import org.actitosync.actito.etl.EtlExecution;
import org.actitosync.actito.etl.ImportFile;

/**
 * Sends items as v5 ETL executions and says, for each item, only what Actito's answer proves. The
 * mechanism both bulk writers share (records: {@link EtlBulkWrites}; profiles: {@link
 * ProfileBulkWrites}); they differ only in their rows, how an execution starts, and what a verdict
 * becomes.
 *
 * <p>The items' CSV files are split under the client's file cap and sent one execution at a time.
 * Per file: a permanent refusal at creation (400) splits it in halves until the bad lines are
 * isolated (a single line is {@link Kind#REFUSED}); a transient one (429 daily quota, 5xx not
 * replayed) makes its items {@link Kind#FAILED}; an authentication error stops the run. A started
 * execution: SUCCESS → every item {@link Kind#WRITTEN}; WITH_ERROR → the lines the error report
 * names are {@link Kind#NAMED} with Actito's message, the others {@link Kind#WRITTEN}, but a
 * report that cannot be fetched, parsed or matched to the file makes every item {@link
 * Kind#FAILED}; any other end, or an end that could not be observed → every item {@link
 * Kind#FAILED}.
 */
final class EtlExecutions<T> {
  /** What a caller's items are on the wire. */
  interface Spec<T> {
    /** The file's columns, the key column first. */
    List<String> columns();

    /** The CSV cells of one item, by column. */
    Map<String, Object> row(T item);

    /** Starts one execution of {@code file} (trigger or one-shot) and returns its id. */
    String start(ImportFile file);

    /** Names the execution in messages, e.g. "ETL execution 7 on profile table customers". */
    String describe(String executionId);
  }

  /**
   * What Actito's answer proves about one item: WRITTEN (accepted), NAMED (its line is in the error
   * report, with Actito's message), REFUSED (its file was refused at creation, down to this line),
   * FAILED (nothing is known: resend it).
   */
  enum Kind { WRITTEN, NAMED, REFUSED, FAILED }

  /** One item's verdict: its kind, the HTTP status, Actito's message or our reason, attempts. */
  record Verdict(Kind kind, int status, String message, int attempts) {}

  private final ActitoClient client;
  private final Spec<T> spec;

  EtlExecutions(ActitoClient client, Spec<T> spec) {
    this.client = client;
    this.spec = spec;
  }

  /** One verdict per item, in the items' order. */
  List<Verdict> write(List<T> items) {
    List<Verdict> verdicts = new ArrayList<>();
    if (items.isEmpty()) {
      return verdicts;
    }
    List<ImportFile> files = CsvImportFiles.split(spec.columns(), rows(items), CsvFormat.defaults(),
        client.config().importCompression(), client.config().maxImportBytes());
    int offset = 0;
    for (ImportFile file : files) {
      verdicts.addAll(send(items.subList(offset, offset + file.rows()), file));
      offset += file.rows();
    }
    return verdicts;
  }

  private List<Verdict> send(List<T> slice, ImportFile file) {
    String executionId;
    try {
      executionId = spec.start(file);
    } catch (ActitoException e) {
      rethrowAuth(e);
      if (e.errorClass() == ErrorClass.PERMANENT && slice.size() > 1) {
        List<Verdict> verdicts = new ArrayList<>();
        int half = slice.size() / 2;
        for (List<T> part : List.of(slice.subList(0, half), slice.subList(half, slice.size()))) {
          verdicts.addAll(send(part, CsvImportFiles.build(spec.columns(), rows(part),
              CsvFormat.defaults(), client.config().importCompression(),
              client.config().maxImportBytes())));
        }
        return verdicts;
      }
      Kind kind = e.errorClass() == ErrorClass.PERMANENT ? Kind.REFUSED : Kind.FAILED;
      return all(slice, new Verdict(kind, e.status(), e.actitoMessage(), Math.max(1, e.attempts())));
    }
    return finish(slice, executionId);
  }

  /** The verdicts of a started execution: only what its end proves. */
  private List<Verdict> finish(List<T> slice, String executionId) {
    String what = spec.describe(executionId);
    EtlExecution execution;
    byte[] report;
    try {
      execution = client.etl().await(executionId);
      switch (execution.state()) {
        case SUCCESS:
          return all(slice, new Verdict(Kind.WRITTEN, 200, null, 1));
        case WITH_ERROR:
          report = client.etl().errorReport(execution);
          break;
        default:
          return all(slice, new Verdict(Kind.FAILED, 0,
              what + " ended with status " + execution.status() + ": nothing it wrote is known", 1));
      }
    } catch (ActitoException e) {
      rethrowAuth(e);
      return all(slice, new Verdict(Kind.FAILED, e.status(), what + ": " + e.getMessage(), 1));
    }
    String keyColumn = spec.columns().get(0);
    String messageColumn = client.etl().contract().reportMessageColumn();
    Map<String, Integer> byKey = new LinkedHashMap<>();
    List<Map<String, Object>> rows = rows(slice);
    for (int i = 0; i < rows.size(); i++) {
      byKey.put(String.valueOf(rows.get(i).get(keyColumn)), i);
    }
    Map<String, String> rejected;
    try {
      rejected = EtlErrorReport.parse(report, CsvFormat.defaults().separator(), keyColumn, messageColumn)
          .rejectedByKey(byKey.keySet(), keyColumn, messageColumn, execution.rowsInError());
    } catch (RuntimeException e) {
      return all(slice, new Verdict(Kind.FAILED, 0, what + " ended WITH_ERROR and its error report"
          + " is unusable (" + e.getMessage() + "): no line of it is known to be written", 1));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String message = rejected.get(String.valueOf(row.get(keyColumn)));
      verdicts.add(message == null
          ? new Verdict(Kind.WRITTEN, 200, null, 1)
          : new Verdict(Kind.NAMED, 400, message, 1));
    }
    return verdicts;
  }

  private List<Map<String, Object>> rows(List<T> items) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (T item : items) {
      rows.add(spec.row(item));
    }
    return rows;
  }

  private static <T> List<Verdict> all(List<T> slice, Verdict verdict) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < slice.size(); i++) {
      verdicts.add(verdict);
    }
    return verdicts;
  }

  private static void rethrowAuth(ActitoException e) {
    if (e instanceof ActitoAuthException || e.errorClass() == ErrorClass.AUTH) {
      throw e;
    }
  }
}
