package org.actitosync.emulator.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.actitosync.emulator.limits.ImportQuota;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.QuotaExceededException;
import org.actitosync.emulator.model.AttributeDef;
import org.actitosync.emulator.model.DataStore;
import org.actitosync.emulator.model.TableDef;
import org.actitosync.emulator.model.TableKind;
import org.actitosync.emulator.model.WriteOutcome;
import org.actitosync.emulator.validation.ValidationException;

/**
 * Bulk imports: the v4 imports and the v5 ETL executions (one instance each, with their own ids, quota
 * and BOM rule; see {@link EtlService}). Creation checks everything that makes the file unusable (size,
 * parameters, zip/gzip, CSV syntax, header vs structure) and answers 400; then takes one unit of the table's daily quota
 * (429 when used up; rejected creations do not consume quota); then returns the import RUNNING and
 * processes it on a worker after {@code importProcessingDelayMillis}. Each line is written like a
 * single-record call (same validation, technical columns ignored); a line in error does not stop the
 * import. An empty cell sets the attribute to null (clears it on update).
 */
public final class ImportService {
  private final DataStore store;
  private final ImportQuota quota;
  private final Supplier<Limits> limits;
  private final ScheduledExecutorService worker;
  private final Clock clock;
  private final boolean rejectBom;
  private final AtomicLong nextId = new AtomicLong(1_000_001);
  private final Map<Long, ImportJob> jobs = new ConcurrentHashMap<>();
  /** Bumped by {@link #clear()}: imports created before a reset are never processed after it. */
  private final AtomicLong generation = new AtomicLong();

  /**
   * @param quota the daily quota this service draws from (per table)
   * @param rejectBom whether a file starting with a UTF-8 BOM is a 400 (else the BOM is dropped)
   */
  public ImportService(DataStore store, ImportQuota quota, Supplier<Limits> limits, ScheduledExecutorService worker,
      Clock clock, boolean rejectBom) {
    this.store = store;
    this.quota = quota;
    this.limits = limits;
    this.worker = worker;
    this.clock = clock;
    this.rejectBom = rejectBom;
  }

  /**
   * Creates an import.
   *
   * @throws ValidationException 400 for an unusable request or file
   * @throws QuotaExceededException 429 when the table's daily quota is used up
   * @throws org.actitosync.emulator.model.NotFoundException 404 for an unknown table
   */
  public ImportJob create(String entity, TableKind kind, String table, byte[] upload, JsonNode parametersJson) {
    checkSize(upload.length, limits.get().maxImportBytes());
    return create(entity, kind, table, upload, ImportParameters.parse(parametersJson));
  }

  /** Creates an import with parsed parameters (same checks and outcome as the JSON form). */
  public ImportJob create(String entity, TableKind kind, String table, byte[] upload, ImportParameters params) {
    Limits l = limits.get();
    checkSize(upload.length, l.maxImportBytes());
    TableDef def = kind == TableKind.CUSTOM_TABLE ? store.customTable(entity, table) : store.profileTable(entity, table);
    ImportFileReader.CsvFile file = ImportFileReader.read(upload, params.charset(), params.separator(), rejectBom);
    columns(def, file.header(), params);
    String quotaKey = entity + "/" + kind + "/" + def.id();
    if (!quota.tryAcquire(quotaKey, l.bulkImportsPerTablePerDay())) {
      throw new QuotaExceededException("The daily quota of " + l.bulkImportsPerTablePerDay()
          + " bulk imports for table " + def.name() + " is used up", quota.secondsUntilReset());
    }
    ImportJob job = new ImportJob(nextId.getAndIncrement(), entity, kind, def.id(), params, file, clock.instant());
    jobs.put(job.id(), job);
    long createdIn = generation.get();
    worker.schedule(() -> {
      if (generation.get() == createdIn) {
        process(job, createdIn);
      }
    }, l.importProcessingDelayMillis(), TimeUnit.MILLISECONDS);
    return job;
  }

  /** 400 when an upload of {@code size} bytes is over {@code max} ({@code maxImportBytes}). */
  public static void checkSize(long size, long max) {
    if (size > max) {
      throw new ValidationException("inputFile", "The import file is " + size + " bytes, more than the " + max
          + " bytes allowed");
    }
  }

  /** The import {@code id} of {@code entity}. */
  public Optional<ImportJob> get(String entity, long id) {
    ImportJob job = jobs.get(id);
    return job != null && job.entity().equals(entity) ? Optional.of(job) : Optional.empty();
  }

  /** Forgets every import (reset). */
  public void clear() {
    generation.incrementAndGet();
    jobs.clear();
  }

  /**
   * Maps each CSV column to an attribute (null = ignored column) and checks the header: no duplicate
   * column, every column (or mapping) names an attribute, the primary key / mandatory attributes are
   * present when rows may be created.
   */
  static List<String> columns(TableDef def, List<String> header, ImportParameters params) {
    Set<String> seen = new HashSet<>();
    for (String h : header) {
      if (!seen.add(h)) {
        throw new ValidationException(h, "Duplicate column '" + h + "' in the CSV header");
      }
    }
    List<String> out = new ArrayList<>();
    if (params.mappings().isEmpty()) {
      for (String h : header) {
        out.add(knownAttribute(def, h));
      }
    } else {
      Map<String, String> byHeader = new LinkedHashMap<>();
      for (ImportParameters.Mapping m : params.mappings()) {
        if (!header.contains(m.headerColumn())) {
          throw new ValidationException(m.headerColumn(), "Mapped column '" + m.headerColumn()
              + "' is not in the CSV header");
        }
        byHeader.put(m.headerColumn(), knownAttribute(def, m.attributeName()));
      }
      for (String h : header) {
        out.add(byHeader.get(h));
      }
    }
    Set<String> mapped = new HashSet<>(out);
    if (def.kind() == TableKind.CUSTOM_TABLE && !mapped.contains(def.primaryKeyAttribute())) {
      throw new ValidationException(def.primaryKeyAttribute(), "Missing column for the primary key attribute '"
          + def.primaryKeyAttribute() + "'");
    }
    if (params.mode().creates()) {
      for (AttributeDef a : def.attributes()) {
        if (a.mandatory() && !mapped.contains(a.name())) {
          throw new ValidationException(a.name(), "Missing column for mandatory attribute '" + a.name() + "'");
        }
      }
    }
    return out;
  }

  private static String knownAttribute(TableDef def, String name) {
    if (def.technical().contains(name)) {
      return null;
    }
    if (def.attribute(name).isEmpty()) {
      throw new ValidationException(name, "Unknown attribute '" + name + "' in table " + def.name());
    }
    return name;
  }

  private void process(ImportJob job, long createdIn) {
    try {
      TableDef def = job.tableKind() == TableKind.CUSTOM_TABLE ? store.customTable(job.entity(), job.table())
          : store.profileTable(job.entity(), job.table());
      List<String> header = job.header();
      List<String> columns = columns(def, header, job.parameters());
      List<ImportJob.RowResult> results = new ArrayList<>();
      for (List<String> cells : job.file().rows()) {
        if (generation.get() != createdIn) {
          return; // the emulator was reset meanwhile
        }
        results.add(processLine(job, columns, cells));
      }
      job.finish(results, clock.instant());
    } catch (RuntimeException e) {
      job.fail(e.getMessage(), clock.instant());
    }
  }

  private ImportJob.RowResult processLine(ImportJob job, List<String> columns, List<String> cells) {
    if (cells.size() != columns.size()) {
      return new ImportJob.RowResult(cells, ImportJob.ERROR, "The line has " + cells.size() + " columns, the header "
          + columns.size());
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null) {
        String cell = cells.get(i);
        values.put(columns.get(i), cell == null || cell.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(cell));
      }
    }
    ImportMode mode = job.parameters().mode();
    try {
      WriteOutcome out = job.tableKind() == TableKind.CUSTOM_TABLE
          ? store.importRecord(job.entity(), job.table(), values, mode.creates(), mode.updates())
          : store.importProfile(job.entity(), job.table(), values, mode.creates(), mode.updates());
      return new ImportJob.RowResult(cells, out.status().name(), out.message() == null ? "" : out.message());
    } catch (ValidationException e) {
      return new ImportJob.RowResult(cells, ImportJob.ERROR, e.getMessage());
    }
  }
}
