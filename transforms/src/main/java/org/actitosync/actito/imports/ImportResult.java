package org.actitosync.actito.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.util.Locale;
import java.util.Set;

/**
 * Status of an import ({@code GET …/import/{id}/result}). Only {@code withErrors} and {@code
 * rowsInError} are confirmed for Actito; {@code status} and the counters follow the emulator
 * contract. A missing status counts as finished; RUNNING, PENDING, QUEUED, IN_PROGRESS,
 * PROCESSING and WAITING count as not finished; anything else is terminal.
 */
@AutoValue
public abstract class ImportResult {
  private static final Set<String> RUNNING =
      Set.of("RUNNING", "PENDING", "QUEUED", "IN_PROGRESS", "PROCESSING", "WAITING");

  public abstract long id();

  public abstract String status();

  public abstract boolean withErrors();

  public abstract long rowsTotal();

  public abstract long rowsCreated();

  public abstract long rowsUpdated();

  public abstract long rowsInError();

  public boolean isFinished() {
    return !RUNNING.contains(status().toUpperCase(Locale.ROOT));
  }

  /** True when the import as a whole failed (status FAILED or ERROR). */
  public boolean isFailed() {
    String s = status().toUpperCase(Locale.ROOT);
    return s.equals("FAILED") || s.equals("ERROR");
  }

  public static ImportResult fromJson(long id, JsonNode n) {
    return new AutoValue_ImportResult(
        n.path("id").asLong(id),
        n.path("status").asText("FINISHED"),
        n.path("withErrors").asBoolean(false),
        n.path("rowsTotal").asLong(0),
        n.path("rowsCreated").asLong(0),
        n.path("rowsUpdated").asLong(0),
        n.path("rowsInError").asLong(0));
  }
}
