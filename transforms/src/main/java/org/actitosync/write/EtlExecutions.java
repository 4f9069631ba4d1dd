package org.actitosync.write;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.EtlErrorReport;
import org.actitosync.actito.etl.EtlExecution;
import org.actitosync.actito.etl.ImportFile;
import org.apache.beam.sdk.coders.Coder;

/**
 * Sends items as v5 ETL executions and says, for each item, only what Actito's answer proves. The
 * mechanism both bulk writers share (records: {@link EtlBulkWrites}; profiles: {@link
 * ProfileBulkWrites}); they differ only in their rows, how an execution starts, and what a verdict
 * becomes.
 *
 * <p>The items' CSV files are split under the client's file cap and sent one execution at a time,
 * streamed: each file is written to disk as the items come and executed as soon as it is full
 * ({@link #write}), so a run's size is bounded by disk, not heap. Items are not sorted: an import is
 * idempotent in any order (CREATE_OR_UPDATE, CREATE_ONLY), so a file rebuilt on replay may differ
 * in line order only.
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

    /** Encodes the items in the temporary file beside their CSV, to read them back. */
    Coder<T> coder();

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
  private final Path tempDir;

  /** Its temporary files go in {@code tempDir}, or the JVM's temporary directory when null. */
  EtlExecutions(ActitoClient client, Spec<T> spec, Path tempDir) {
    this.client = client;
    this.spec = spec;
    this.tempDir = tempDir;
  }

  /**
   * Gives {@code out} one verdict per item, file by file as each execution ends (in the items'
   * order within a file). The items are read once, as they come: each goes into the current file
   * on disk ({@link EtlSpool}), which is executed as soon as the next item no longer fits, so at
   * most one file's worth of items is pending, on disk, never on the heap. Temporary files are
   * deleted when their verdicts are given, and on any failure.
   *
   * @throws org.actitosync.actito.etl.ImportFileTooLargeException when an item's line cannot fit
   *     in any file: the files before it have been executed and their verdicts given
   */
  void write(Iterable<T> items, BiConsumer<T, Verdict> out) {
    EtlSpool<T> spool = null;
    try {
      for (T item : items) {
        if (spool == null) {
          spool = EtlSpool.create(spec, client.config(), tempDir);
        }
        byte[] line = spool.line(item);
        if (!spool.fits(line)) {
          send(spool, out);
          spool.close();
          spool = EtlSpool.create(spec, client.config(), tempDir);
        }
        spool.add(item, line);
      }
      if (spool != null) {
        send(spool, out);
      }
    } finally {
      if (spool != null) {
        spool.close();
      }
    }
  }

  private void send(EtlSpool<T> spool, BiConsumer<T, Verdict> out) {
    String executionId;
    try {
      executionId = spec.start(spool.file());
    } catch (ActitoException e) {
      rethrowAuth(e);
      if (e.errorClass() == ErrorClass.PERMANENT && spool.rows() > 1) {
        List<EtlSpool<T>> halves = spool.halves();
        try {
          spool.close();
          for (EtlSpool<T> half : halves) {
            send(half, out);
            half.close();
          }
        } finally {
          halves.forEach(EtlSpool::close);
        }
        return;
      }
      Kind kind = e.errorClass() == ErrorClass.PERMANENT ? Kind.REFUSED : Kind.FAILED;
      all(spool, new Verdict(kind, e.status(), e.actitoMessage(), Math.max(1, e.attempts())), out);
      return;
    }
    finish(spool, executionId, out);
  }

  /** The verdicts of a started execution: only what its end proves. */
  private void finish(EtlSpool<T> spool, String executionId, BiConsumer<T, Verdict> out) {
    String what = spec.describe(executionId);
    EtlExecution execution;
    byte[] report;
    try {
      execution = client.etl().await(executionId);
      switch (execution.state()) {
        case SUCCESS:
          all(spool, new Verdict(Kind.WRITTEN, 200, null, 1), out);
          return;
        case WITH_ERROR:
          report = client.etl().errorReport(execution);
          break;
        default:
          all(spool, new Verdict(Kind.FAILED, 0,
              what + " ended with status " + execution.status() + ": nothing it wrote is known", 1), out);
          return;
      }
    } catch (ActitoException e) {
      rethrowAuth(e);
      all(spool, new Verdict(Kind.FAILED, e.status(), what + ": " + e.getMessage(), 1), out);
      return;
    }
    String keyColumn = spec.columns().get(0);
    Map<String, String> rejected;
    try {
      rejected = rejected(spool, report, keyColumn, execution.rowsInError());
    } catch (IllegalStateException e) {
      all(spool, new Verdict(Kind.FAILED, 0, what + " ended WITH_ERROR and its error report"
          + " is unusable (" + e.getMessage() + "): no line of it is known to be written", 1), out);
      return;
    }
    spool.forEach(item -> {
      String message = rejected.get(key(item, keyColumn));
      out.accept(item, message == null
          ? new Verdict(Kind.WRITTEN, 200, null, 1)
          : new Verdict(Kind.NAMED, 400, message, 1));
    });
  }

  /**
   * Actito's message by key for the report's lines, when the report matches the file. The file's
   * keys are read back from disk and only those the report names are kept: the same answer as
   * matching against every key of the file, without holding them.
   *
   * @throws IllegalStateException when the report is unreadable or does not match the file
   */
  private Map<String, String> rejected(EtlSpool<T> spool, byte[] report, String keyColumn,
      Long rowsInError) {
    String messageColumn = client.etl().contract().reportMessageColumn();
    EtlErrorReport parsed;
    try {
      parsed = EtlErrorReport.parse(report, CsvFormat.defaults().separator(), keyColumn, messageColumn);
    } catch (RuntimeException e) {
      throw e instanceof IllegalStateException ? (IllegalStateException) e
          : new IllegalStateException(e.getMessage(), e);
    }
    Set<String> named = parsed.keys(keyColumn);
    Set<String> namedInFile = new HashSet<>();
    spool.forEach(item -> {
      String key = key(item, keyColumn);
      if (named.contains(key)) {
        namedInFile.add(key);
      }
    });
    try {
      return parsed.rejectedByKey(namedInFile, keyColumn, messageColumn, rowsInError);
    } catch (RuntimeException e) {
      throw e instanceof IllegalStateException ? (IllegalStateException) e
          : new IllegalStateException(e.getMessage(), e);
    }
  }

  private String key(T item, String keyColumn) {
    return String.valueOf(spec.row(item).get(keyColumn));
  }

  private static <T> void all(EtlSpool<T> spool, Verdict verdict, BiConsumer<T, Verdict> out) {
    spool.forEach(item -> out.accept(item, verdict));
  }

  private static void rethrowAuth(ActitoException e) {
    if (e instanceof ActitoAuthException || e.errorClass() == ErrorClass.AUTH) {
      throw e;
    }
  }
}
