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
import org.actitosync.actito.etl.EtlApi;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.actito.etl.EtlErrorReport;
import org.actitosync.actito.etl.EtlExecution;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.change.WriteSemantics;

/**
 * Sends create-or-update changes (UPSERT, MIRROR) as v5 ETL executions: CSV files (UTF-8 without
 * BOM, {@code ;}, the key first, then every mapped attribute) split under the client's file cap,
 * one execution per file, one at a time: {@code trigger} of {@link WriterConfig#etlId()} when set,
 * else a one-shot execution with the definition rendered from {@link
 * WriterConfig#definitionTemplate()}.
 *
 * <p>Outcomes only from evidence: SUCCESS → every row APPLIED; WITH_ERROR → the rows the error
 * report names are REJECTED with Actito's message and the others APPLIED, but a report that cannot
 * be fetched, parsed or matched to the file makes every row of the execution FAILED; an execution
 * that failed as a whole, or whose end could not be observed → every row FAILED (resent next run).
 * At creation: a permanent refusal (400) splits the file in halves until the bad rows are isolated
 * (a single row is REJECTED); a retryable one (429 daily quota, 5xx not replayed) makes the rows
 * FAILED; an authentication error stops the run. Create-only and update-only changes are refused
 * (Actito's ETL report does not say which rows such an import skipped: they go record by record).
 */
final class EtlBulkWrites {
  private final ActitoClient client;
  private final WriterConfig config;
  private final List<String> columns;

  EtlBulkWrites(ActitoClient client, WriterConfig config) {
    this.client = client;
    this.config = config;
    this.columns = new ArrayList<>(config.attributeTypes().keySet());
    columns.remove(config.keyAttribute());
    columns.add(0, config.keyAttribute());
  }

  List<WriteOutcome> write(List<Classification> changes) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    if (changes.isEmpty()) {
      return outcomes;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Classification change : changes) {
      if (change.semantics() != WriteSemantics.CREATE_OR_UPDATE) {
        throw new IllegalArgumentException("bulk writes only create-or-update changes, not "
            + change.semantics() + " (" + change.key() + ")");
      }
      rows.add(row(change));
    }
    List<ImportFile> files = CsvImportFiles.split(columns, rows, CsvFormat.defaults(),
        client.config().importCompression(), client.config().maxImportBytes());
    int offset = 0;
    for (ImportFile file : files) {
      outcomes.addAll(send(changes.subList(offset, offset + file.rows()), file));
      offset += file.rows();
    }
    return outcomes;
  }

  private List<WriteOutcome> send(List<Classification> slice, ImportFile file) {
    String executionId;
    try {
      executionId = start(file);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      if (e.errorClass() == ErrorClass.PERMANENT && slice.size() > 1) {
        List<WriteOutcome> outcomes = new ArrayList<>();
        int half = slice.size() / 2;
        for (List<Classification> part :
            List.of(slice.subList(0, half), slice.subList(half, slice.size()))) {
          outcomes.addAll(send(part, build(part)));
        }
        return outcomes;
      }
      OutcomeStatus status =
          e.errorClass() == ErrorClass.PERMANENT ? OutcomeStatus.REJECTED : OutcomeStatus.FAILED;
      return all(slice, status, e.status(), e.actitoMessage(), Math.max(1, e.attempts()));
    }
    return finish(slice, executionId);
  }

  private String start(ImportFile file) {
    EtlApi etl = client.etl();
    if (config.etlId() != null) {
      return etl.trigger(config.etlId(), file);
    }
    String definition = config.definitionTemplate().render(EtlDefinitionTemplate.values(
        config.table(), etl.contract().createOrUpdateMode(), columns, file,
        config.reportRecipients()));
    return etl.oneShot(file, definition);
  }

  /** Outcomes of a started execution: only what its end proves. */
  private List<WriteOutcome> finish(List<Classification> slice, String executionId) {
    EtlApi etl = client.etl();
    String what = "ETL execution " + executionId;
    EtlExecution execution;
    byte[] report;
    try {
      execution = etl.await(executionId);
      switch (execution.state()) {
        case SUCCESS:
          return all(slice, OutcomeStatus.APPLIED, 200, null, 1);
        case WITH_ERROR:
          report = etl.errorReport(execution);
          break;
        default:
          return all(slice, OutcomeStatus.FAILED, 0,
              what + " ended with status " + execution.status() + ": nothing it wrote is known", 1);
      }
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      return all(slice, OutcomeStatus.FAILED, e.status(), what + ": " + e.getMessage(), 1);
    }
    Map<String, Classification> byCsvKey = new LinkedHashMap<>();
    for (Classification change : slice) {
      byCsvKey.put(csvKey(change), change);
    }
    Map<String, String> rejected;
    try {
      rejected = EtlErrorReport.parse(report, CsvFormat.defaults().separator(),
              config.keyAttribute(), etl.contract().reportMessageColumn())
          .rejectedByKey(byCsvKey.keySet(), config.keyAttribute(),
              etl.contract().reportMessageColumn(), execution.rowsInError());
    } catch (RuntimeException e) {
      return all(slice, OutcomeStatus.FAILED, 0,
          what + " ended WITH_ERROR and its error report is unusable (" + e.getMessage()
              + "): no row of it is known to be written", 1);
    }
    List<WriteOutcome> outcomes = new ArrayList<>();
    byCsvKey.forEach((key, change) -> {
      String message = rejected.get(key);
      outcomes.add(message == null
          ? WriteOutcome.of(change, OutcomeStatus.APPLIED, 200, null, 1)
          : WriteOutcome.of(change, OutcomeStatus.REJECTED, 400, message, 1));
    });
    return outcomes;
  }

  private static List<WriteOutcome> all(List<Classification> slice, OutcomeStatus status,
      int httpStatus, String message, int attempts) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (Classification change : slice) {
      outcomes.add(WriteOutcome.of(change, status, httpStatus, message, attempts));
    }
    return outcomes;
  }

  private ImportFile build(List<Classification> part) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Classification change : part) {
      rows.add(row(change));
    }
    return CsvImportFiles.build(columns, rows, CsvFormat.defaults(),
        client.config().importCompression(), client.config().maxImportBytes());
  }

  private String csvKey(Classification change) {
    return WireValues.toCsv(config.type(config.keyAttribute()), change.key(), config.timeZone());
  }

  /** Every mapped attribute of the row, as CSV text (empty for null). */
  private Map<String, Object> row(Classification change) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      String value =
          column.equals(config.keyAttribute()) ? change.key() : change.values().get(column);
      row.put(column, WireValues.toCsv(config.type(column), value, config.timeZone()));
    }
    return row;
  }
}
