package org.actitosync.actito.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One read of an ETL execution ({@code GET …/etl-executions/{id}}), read tolerantly through the
 * {@link EtlContract}: unknown fields are ignored, a missing status means still running.
 */
@AutoValue
public abstract class EtlExecution {
  public abstract String id();

  /** The raw status ({@code ""} when absent). */
  public abstract String status();

  public abstract EtlState state();

  /** Data lines in error when the response gives them. */
  public abstract @Nullable Long rowsInError();

  /** The error report's link when the response gives one. */
  public abstract @Nullable String errorReportHref();

  public boolean isFinished() {
    return state() != EtlState.RUNNING;
  }

  public static EtlExecution of(String id, String status, EtlState state,
      @Nullable Long rowsInError, @Nullable String errorReportHref) {
    return new AutoValue_EtlExecution(id, status, state, rowsInError, errorReportHref);
  }

  /** Reads a status response of execution {@code id}. */
  public static EtlExecution fromJson(String id, JsonNode node, EtlContract contract) {
    String status = EtlContract.firstText(node, contract.statusFields());
    JsonNode errors = node.at(contract.rowsInErrorField());
    Long rowsInError = errors.canConvertToLong() || errors.isTextual() && errors.asText().matches("\\d+")
        ? Long.valueOf(errors.asLong()) : null;
    String href = EtlContract.firstText(node, java.util.List.of(contract.errorReportLinkField()));
    return of(id, status == null ? "" : status, contract.state(status), rowsInError, href);
  }
}
