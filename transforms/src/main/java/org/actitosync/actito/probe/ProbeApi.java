package org.actitosync.actito.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;

/**
 * Read-only probes for the connection check ({@code --check}): each is one GET whose status is
 * returned instead of thrown, so the caller can say what every route answered. Every 4xx but 401 is
 * passed through (a 401 re-mints the token once, as on every call; a second one comes back as 401);
 * 5xx and network errors are retried per the client's policy and then reported with their status
 * (0 for no response). Nothing is ever written.
 */
public final class ProbeApi {
  private static final Integer[] CLIENT_ERRORS =
      IntStream.range(400, 500).filter(s -> s != 401).boxed().toArray(Integer[]::new);
  private static final int MAX_MESSAGE = 200;

  private final ActitoHttp http;
  private final ActitoPaths paths;

  public ProbeApi(ActitoHttp http, ActitoPaths paths) {
    this.http = http;
    this.paths = paths;
  }

  /** The custom table's structure. */
  public ProbeResult customTable(String table) {
    return get(Operation.GET_CUSTOM_TABLE, paths.customTable(table));
  }

  /** The entity's custom tables (tells a missing route from a missing table). */
  public ProbeResult customTables() {
    return get(Operation.GET_CUSTOM_TABLE, paths.customTables());
  }

  /** The profile table's structure. */
  public ProbeResult profileTable(String table) {
    return get(Operation.GET_PROFILE_TABLE, paths.profileTable(table));
  }

  /** An ETL definition ({@code write.bulk.etlId}). */
  public ProbeResult etl(String etlId) {
    return get(Operation.ETL_GET, paths.etl(etlId));
  }

  /** One record by key (the check uses a key that cannot exist, expecting 404). */
  public ProbeResult record(String table, String key) {
    return get(Operation.RECORD_GET, paths.record(table, key));
  }

  /** Any other read-only route of this client's families, already escaped. */
  public ProbeResult get(Operation operation, String path) {
    String route = "GET " + path;
    try {
      ApiResponse r = http.execute(
          ApiRequest.of(operation, "GET", path, null).passingThrough(CLIENT_ERRORS));
      if (r.isSuccess()) {
        try {
          return ProbeResult.of(route, r.status(), "", Json.parse(r.body()));
        } catch (IllegalStateException notJson) {
          return ProbeResult.of(route, r.status(), "the answer is not JSON", null);
        }
      }
      return ProbeResult.of(route, r.status(), message(r.body()), null);
    } catch (ActitoException e) {
      return ProbeResult.of(route, e.status(), e.actitoMessage(), null);
    } catch (RuntimeException e) {
      return ProbeResult.of(route, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  /** Actito's {@code message} when the body is JSON that has one, else the start of the body. */
  static String message(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    try {
      JsonNode n = Json.parse(body);
      if (n != null && n.hasNonNull("message")) {
        text = n.get("message").asText();
      }
    } catch (RuntimeException notJson) {
      // keep the raw text
    }
    text = text.replaceAll("\\s+", " ");
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
  }
}
