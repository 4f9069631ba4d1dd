package org.actitosync.emulator.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.actitosync.emulator.limits.QuotaExceededException;
import org.actitosync.emulator.model.DataFileException;
import org.actitosync.emulator.model.DataStore;
import org.actitosync.emulator.model.EtlDef;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.TableKind;
import org.actitosync.emulator.validation.ValidationException;

/**
 * v5 ETL executions on top of an {@link ImportService} of their own (own ids from 1000001, own daily
 * quota per table, files with a UTF-8 BOM rejected). A triggered execution takes the seeded ETL's table,
 * mode and format and maps every header column to the attribute of that name; a one-shot execution takes
 * them from {@code files[0]} of its definition. Creation checks and processing are the import's: 400 for an
 * unusable request or file, then 429 when the table's quota is used up, then RUNNING until processed after
 * {@code importProcessingDelayMillis}.
 */
public final class EtlService {
  /** A seeded ETL: the served definition and what it says about its file. */
  public record Definition(EtlDef def, EtlFileSpec spec) {
  }

  private final ImportService runs;
  private final Map<String, Definition> definitions = new LinkedHashMap<>();
  private final Map<Long, EtlExecution> executions = new ConcurrentHashMap<>();
  private volatile ErrorReportMode errorReports = ErrorReportMode.NORMAL;

  /**
   * @param runs the import service doing the work (its quota and ids are the ETL executions')
   * @throws DataFileException when a seeded definition names an unknown table or has a bad mode/format
   */
  public EtlService(ImportService runs, DataStore store, List<EtlDef> seeded) {
    this.runs = runs;
    for (EtlDef def : seeded) {
      EtlFileSpec spec;
      try {
        spec = EtlFileSpec.seeded(def.definition());
        if (spec.tableKind() == TableKind.CUSTOM_TABLE) {
          store.customTable(def.entity(), spec.table());
        } else {
          store.profileTable(def.entity(), spec.table());
        }
      } catch (ValidationException | NotFoundException e) {
        throw new DataFileException("etls: ETL " + def.id() + " of entity " + def.entity() + ": " + e.getMessage(), e);
      }
      definitions.put(key(def.entity(), def.id()), new Definition(def, spec));
    }
  }

  /** The seeded ETLs of {@code entity}, in data-file order. */
  public List<Definition> definitions(String entity) {
    return definitions.values().stream().filter(d -> d.def().entity().equals(entity)).toList();
  }

  /** The seeded ETL {@code etlId} of {@code entity}; 404 when unknown. */
  public Definition definition(String entity, String etlId) {
    Definition d = definitions.get(key(entity, etlId));
    if (d == null) {
      throw new NotFoundException("No ETL " + etlId);
    }
    return d;
  }

  /**
   * Runs the seeded ETL {@code etlId} on {@code upload}.
   *
   * @throws NotFoundException 404 for an unknown ETL
   * @throws ValidationException 400 for an unusable file
   * @throws QuotaExceededException 429 when the table's daily quota is used up
   */
  public EtlExecution trigger(String entity, String etlId, String fileName, byte[] upload) {
    Definition d = definition(entity, etlId);
    return start(entity, d.spec(), etlId, fileName, upload);
  }

  /**
   * Runs a one-shot ETL: {@code definition}'s {@code files[0]} describes {@code upload}, whose part
   * filename must be {@code files[0].fileName}.
   *
   * @throws ValidationException 400 for a bad definition (naming the field) or an unusable file
   * @throws QuotaExceededException 429 when the table's daily quota is used up
   */
  public EtlExecution oneShot(String entity, JsonNode definition, String fileName, byte[] upload) {
    EtlFileSpec spec = EtlFileSpec.oneShot(definition);
    if (!spec.fileName().equals(fileName)) {
      throw new ValidationException("files[0].fileName", "files[0].fileName '" + spec.fileName()
          + "' is not the name of the uploaded inputFile '" + fileName + "'");
    }
    return start(entity, spec, null, fileName, upload);
  }

  private EtlExecution start(String entity, EtlFileSpec spec, String etlId, String fileName, byte[] upload) {
    ImportJob job = runs.create(entity, spec.tableKind(), spec.table(), upload, spec.parameters());
    EtlExecution execution = new EtlExecution(job, etlId, fileName, spec.tableKind(), spec.table());
    executions.put(job.id(), execution);
    return execution;
  }

  /** The execution {@code id} of {@code entity}; 404 when unknown. */
  public EtlExecution execution(String entity, String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("No ETL execution " + id);
    }
    EtlExecution e = executions.get(n);
    if (e == null || runs.get(entity, n).isEmpty()) {
      throw new NotFoundException("No ETL execution " + id);
    }
    return e;
  }

  /** How error reports are served. */
  public ErrorReportMode errorReports() {
    return errorReports;
  }

  public void errorReports(ErrorReportMode mode) {
    this.errorReports = mode;
  }

  /** Forgets every execution (they are never processed after this) and serves reports NORMAL again. */
  public void clear() {
    runs.clear();
    executions.clear();
    errorReports = ErrorReportMode.NORMAL;
  }

  private static String key(String entity, String etlId) {
    return entity + "/" + etlId;
  }
}
