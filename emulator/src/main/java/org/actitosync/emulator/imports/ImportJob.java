package org.actitosync.emulator.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.actitosync.emulator.model.TableKind;

/**
 * One bulk import: RUNNING from creation until processed, then FINISHED (or FAILED when processing
 * itself broke). Counters and per-row results are published atomically when processing ends.
 */
public final class ImportJob {
  /** Import status. RUNNING and FINISHED are inferred names; FAILED is used for unexpected errors only. */
  public enum Status { RUNNING, FINISHED, FAILED }

  /** The {@link RowResult#status()} of a data line in error. */
  public static final String ERROR = "ERROR";

  /** The outcome of one data line. */
  public record RowResult(List<String> cells, String status, String message) {
  }

  /** Final counters. */
  public record Counts(int total, int created, int updated, int skipped, int inError) {
    static final Counts ZERO = new Counts(0, 0, 0, 0, 0);
  }

  private final long id;
  private final String entity;
  private final TableKind tableKind;
  private final String table;
  private final ImportParameters parameters;
  private final ImportFileReader.CsvFile file;
  private final Instant startMoment;
  private volatile Instant endMoment;
  private volatile Status status = Status.RUNNING;
  private volatile Counts counts = Counts.ZERO;
  private volatile List<RowResult> results = List.of();
  private volatile String failure;

  ImportJob(long id, String entity, TableKind tableKind, String table, ImportParameters parameters,
      ImportFileReader.CsvFile file, Instant startMoment) {
    this.id = id;
    this.startMoment = startMoment;
    this.entity = entity;
    this.tableKind = tableKind;
    this.table = table;
    this.parameters = parameters;
    this.file = file;
  }

  synchronized void finish(List<RowResult> rowResults, Instant at) {
    int created = 0;
    int updated = 0;
    int skipped = 0;
    int errors = 0;
    for (RowResult r : rowResults) {
      switch (r.status()) {
        case "CREATED" -> created++;
        case "UPDATED" -> updated++;
        case "SKIPPED" -> skipped++;
        default -> errors++;
      }
    }
    this.results = Collections.unmodifiableList(new ArrayList<>(rowResults));
    this.counts = new Counts(rowResults.size(), created, updated, skipped, errors);
    this.endMoment = at;
    this.status = Status.FINISHED;
  }

  synchronized void fail(String message, Instant at) {
    this.failure = message;
    this.endMoment = at;
    this.status = Status.FAILED;
  }

  public long id() {
    return id;
  }

  public String entity() {
    return entity;
  }

  public TableKind tableKind() {
    return tableKind;
  }

  public String table() {
    return table;
  }

  public ImportParameters parameters() {
    return parameters;
  }

  ImportFileReader.CsvFile file() {
    return file;
  }

  public Status status() {
    return status;
  }

  public Counts counts() {
    return counts;
  }

  /** Per-line results in file order (empty until FINISHED). */
  public List<RowResult> results() {
    return results;
  }

  /** The CSV header of the uploaded file. */
  public List<String> header() {
    return file.header();
  }

  /** When the import was created. */
  public Instant startMoment() {
    return startMoment;
  }

  /** When processing ended (FINISHED or FAILED), null while RUNNING. */
  public Instant endMoment() {
    return endMoment;
  }

  /** Why processing failed, or null. */
  public String failure() {
    return failure;
  }
}
