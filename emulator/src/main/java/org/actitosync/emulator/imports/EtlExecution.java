package org.actitosync.emulator.imports;

import org.actitosync.emulator.model.TableKind;

/**
 * One v5 ETL execution: the import doing the work plus what the status answer names.
 *
 * @param etlId the triggered ETL's id, null for a one-shot execution
 * @param fileName the data file's name (the uploaded part's filename)
 * @param table the table name as the definition gives it
 */
public record EtlExecution(ImportJob job, String etlId, String fileName, TableKind tableKind, String table) {
  /** Execution status (contract: SUCCESS/WITH_ERROR documented, RUNNING/ERROR inferred). */
  public enum Status { RUNNING, SUCCESS, WITH_ERROR, ERROR }

  public long id() {
    return job.id();
  }

  public Status status() {
    return switch (job.status()) {
      case RUNNING -> Status.RUNNING;
      case FAILED -> Status.ERROR;
      case FINISHED -> job.counts().inError() > 0 ? Status.WITH_ERROR : Status.SUCCESS;
    };
  }

  /** Whether an error report exists: only for WITH_ERROR. */
  public boolean hasErrorReport() {
    return status() == Status.WITH_ERROR;
  }
}
