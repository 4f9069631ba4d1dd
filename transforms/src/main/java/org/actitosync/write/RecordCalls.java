package org.actitosync.write;

import java.util.Map;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.records.RecordsApi;
import org.actitosync.actito.records.WriteResult;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;

/**
 * Applies one change with record calls, with the sync mode's semantics on the wire (design.md
 * section 3): CREATE_ONLY never modifies an existing record (outcome SKIPPED_EXISTS), UPDATE_ONLY
 * never creates (SKIPPED_MISSING), CREATE_OR_UPDATE upserts, DELETE treats an absent record as
 * deleted. A permanent error rejects the record with Actito's status and message; a retryable one
 * still failing after the client's retries makes it FAILED (the next run retries it). An
 * authentication error is rethrown: it must stop the run, not dead-letter every row.
 *
 * <p>Idempotent: every call is safe to replay with the same payload.
 */
public final class RecordCalls {
  private final ActitoClient client;
  private final WriterConfig config;

  public RecordCalls(ActitoClient client, WriterConfig config) {
    this.client = client;
    this.config = config;
  }

  public WriteOutcome apply(Classification change) {
    try {
      return applyOrThrow(change);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      if (e.errorClass() == ErrorClass.AUTH) {
        throw e;
      }
      OutcomeStatus status =
          e.errorClass() == ErrorClass.PERMANENT ? OutcomeStatus.REJECTED : OutcomeStatus.FAILED;
      return WriteOutcome.of(change, status, e.status(), e.actitoMessage(), Math.max(1, e.attempts()));
    }
  }

  private WriteOutcome applyOrThrow(Classification change) {
    RecordsApi records = client.records();
    String table = config.table();
    if (change.semantics() == null) {
      throw new IllegalArgumentException("not a change: " + change.kind() + " " + change.key());
    }
    switch (change.semantics()) {
      case DELETE:
        return outcome(change, records.delete(table, change.key()));
      case CREATE_ONLY:
        return outcome(change, records.createOnly(table, change.key(), payload(change)));
      case UPDATE_ONLY:
        return outcome(change, records.update(table, change.key(), payload(change)));
      default:
        return outcome(change, records.upsert(table, payload(change)));
    }
  }

  private Map<String, Object> payload(Classification change) {
    return RecordPayloads.of(change, config);
  }

  private static WriteOutcome outcome(Classification change, WriteResult result) {
    switch (result.outcome()) {
      case EXISTS:
        return WriteOutcome.of(
            change, OutcomeStatus.SKIPPED_EXISTS, 200, "record exists; create-only leaves it", result.attempts());
      case NOT_FOUND:
        return WriteOutcome.of(
            change, OutcomeStatus.SKIPPED_MISSING, 404, "no such record; update-only does not create", result.attempts());
      default:
        return WriteOutcome.of(change, OutcomeStatus.APPLIED, 200, null, result.attempts());
    }
  }
}
