package org.actitosync.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.actitosync.record.MappedRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Dead letters: one JSON line per rejected or failed record, with the key, the operation, the
 * reason, the HTTP status and Actito's message, the attempts made and the run id. They carry no
 * credential (nothing here ever sees the API key). A dead-lettered record's previous snapshot entry
 * is kept, so the next run retries it.
 */
public final class DeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeadLetters() {}

  /** A dead letter for a change Actito refused or that failed after retries; null otherwise. */
  public static @Nullable String of(WriteOutcome outcome, String runId) {
    if (outcome.status() != OutcomeStatus.REJECTED && outcome.status() != OutcomeStatus.FAILED) {
      return null;
    }
    ObjectNode line = base(outcome.change().key(), outcome.change().kind().name(), runId);
    line.put("outcome", outcome.status().name());
    line.put("reason", heldForItsProfile(outcome)
        ? "not sent: the profile it references could not be created"
        : outcome.status() == OutcomeStatus.REJECTED ? "refused by Actito" : "failed after retries");
    line.put("httpStatus", outcome.httpStatus());
    line.put("actitoMessage", outcome.message());
    line.put("attempts", outcome.attempts());
    return write(line);
  }

  /** A change the writer held back because its profile could not be created (no call made for it). */
  private static boolean heldForItsProfile(WriteOutcome outcome) {
    return outcome.attempts() == 0 && outcome.message() != null && outcome.message().startsWith("profile ")
        && outcome.message().contains(" could not be created: ");
  }

  /** A dead letter for a key classification rejected (null key, duplicate key, invalid value). */
  public static String of(Classification rejected, String runId) {
    if (rejected.kind() != ChangeKind.REJECTED) {
      throw new IllegalArgumentException("not a rejection: " + rejected.kind());
    }
    ObjectNode line = base(rejected.key(), "NONE", runId);
    line.put("outcome", "REJECTED");
    line.put("rule", rejected.rule());
    line.put("reason", rejected.reason());
    line.put("rows", rejected.rejectedRows().size());
    line.put("attempts", 0);
    var invalid = line.putObject("invalid");
    for (MappedRecord row : rejected.rejectedRows()) {
      row.invalid().forEach(invalid::put);
    }
    return write(line);
  }

  private static ObjectNode base(String key, String operation, String runId) {
    ObjectNode line = JSON.createObjectNode();
    line.put("key", key);
    line.put("operation", operation);
    line.put("runId", runId);
    return line;
  }

  private static String write(ObjectNode line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
