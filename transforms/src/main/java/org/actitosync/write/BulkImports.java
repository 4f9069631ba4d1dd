package org.actitosync.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.imports.CsvFormat;
import org.actitosync.actito.imports.CsvImportFiles;
import org.actitosync.actito.imports.ImportFile;
import org.actitosync.actito.imports.ImportMode;
import org.actitosync.actito.imports.ImportOutcome;
import org.actitosync.actito.imports.ImportParameters;
import org.actitosync.actito.imports.RowResult;
import org.actitosync.actito.imports.TableKind;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.change.WriteSemantics;

/**
 * Sends creates and updates as bulk imports: CSV files of every mapped attribute (the key
 * included), split under the client's file cap, one import per file in the mode matching the sync
 * mode (CREATE_ONLY, UPDATE_ONLY, CREATE_UPDATE). Per-row results map back to keys: an ERROR row is
 * REJECTED with Actito's message; a row an import mode skipped is SKIPPED_EXISTS (create-only) or
 * SKIPPED_MISSING (update-only); the rest are APPLIED. A file Actito refuses as a whole (a permanent
 * error) is split in halves and resent until the bad rows are isolated, so their neighbours still
 * go through. A retryable failure marks the file's rows FAILED (the next run resends them); an
 * authentication error stops the run.
 */
final class BulkImports {
  private final ActitoClient client;
  private final WriterConfig config;
  private final List<String> columns;

  BulkImports(ActitoClient client, WriterConfig config) {
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
      rows.add(row(change));
    }
    List<ImportFile> files =
        CsvImportFiles.split(columns, rows, CsvFormat.defaults(), client.config().importCompression(),
            client.config().maxImportBytes());
    int offset = 0;
    for (ImportFile file : files) {
      List<Classification> slice = changes.subList(offset, offset + file.rows());
      outcomes.addAll(importSlice(slice, file));
      offset += file.rows();
    }
    return outcomes;
  }

  private List<WriteOutcome> importSlice(List<Classification> slice, ImportFile file) {
    ImportParameters parameters = ImportParameters.of(mode(slice.get(0).semantics()));
    try {
      ImportOutcome result =
          client.imports().run(TableKind.CUSTOM_TABLE, config.table(), file, parameters, config.keyAttribute());
      return outcomes(slice, result);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      if (e.errorClass() == ErrorClass.PERMANENT && slice.size() > 1) {
        int half = slice.size() / 2;
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (List<Classification> part : List.of(slice.subList(0, half), slice.subList(half, slice.size()))) {
          outcomes.addAll(importSlice(part, build(part)));
        }
        return outcomes;
      }
      OutcomeStatus status =
          e.errorClass() == ErrorClass.PERMANENT ? OutcomeStatus.REJECTED : OutcomeStatus.FAILED;
      List<WriteOutcome> outcomes = new ArrayList<>();
      for (Classification change : slice) {
        outcomes.add(WriteOutcome.of(change, status, e.status(), e.actitoMessage(), Math.max(1, e.attempts())));
      }
      return outcomes;
    }
  }

  private ImportFile build(List<Classification> part) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Classification change : part) {
      rows.add(row(change));
    }
    return CsvImportFiles.build(columns, rows, CsvFormat.defaults(), client.config().importCompression(),
        client.config().maxImportBytes());
  }

  private List<WriteOutcome> outcomes(List<Classification> slice, ImportOutcome result) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    boolean withErrors = result.result().withErrors();
    for (Classification change : slice) {
      String csvKey = WireValues.toCsv(config.type(config.keyAttribute()), change.key(), config.timeZone());
      RowResult row = result.rows().get(csvKey);
      if (row == null) {
        outcomes.add(withErrors
            ? WriteOutcome.of(change, OutcomeStatus.FAILED, 0, "import reported errors but no result for this row", 1)
            : WriteOutcome.of(change, OutcomeStatus.APPLIED, 200, null, 1));
      } else if (row.isError()) {
        outcomes.add(WriteOutcome.of(change, OutcomeStatus.REJECTED, 400, row.message(), 1));
      } else if (row.status().equalsIgnoreCase("SKIPPED")) {
        boolean createOnly = change.semantics() == WriteSemantics.CREATE_ONLY;
        outcomes.add(WriteOutcome.of(change,
            createOnly ? OutcomeStatus.SKIPPED_EXISTS : OutcomeStatus.SKIPPED_MISSING,
            200, row.message().isEmpty() ? null : row.message(), 1));
      } else {
        outcomes.add(WriteOutcome.of(change, OutcomeStatus.APPLIED, 200, null, 1));
      }
    }
    return outcomes;
  }

  /** Every mapped attribute of the row, as CSV text (empty for null). */
  private Map<String, Object> row(Classification change) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      String value = column.equals(config.keyAttribute()) ? change.key() : change.values().get(column);
      row.put(column, WireValues.toCsv(config.type(column), value, config.timeZone()));
    }
    return row;
  }

  static ImportMode mode(WriteSemantics semantics) {
    switch (semantics) {
      case CREATE_ONLY:
        return ImportMode.CREATE_ONLY;
      case UPDATE_ONLY:
        return ImportMode.UPDATE_ONLY;
      case CREATE_OR_UPDATE:
        return ImportMode.CREATE_UPDATE;
      default:
        throw new IllegalArgumentException("no bulk import for " + semantics);
    }
  }
}
