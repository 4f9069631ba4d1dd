package org.actitosync.actito.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.actitosync.actito.Operation;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custom-table records (v4 custom-data API). Values are a {@code Map<String, Object>} of attribute
 * name → value, sent as {@code {"properties":[{"name","value"}…]}} in the map's iteration order
 * (use a {@code LinkedHashMap} for a stable payload); allowed value types are listed in {@link
 * Json}. Keys in paths are percent-encoded as one segment.
 *
 * <p>Replay safety: {@link #upsert}, {@link #update}, {@link #get} and {@link #delete} are
 * idempotent and are retried by the client on RETRYABLE errors; payloads carry no call-time data,
 * so a replay (by the client or a re-executed Beam bundle) sends identical bytes. {@link
 * #createOnly} is idempotent in effect (a replay finds the record and answers EXISTS) but has a race
 * window, see there. Failures throw {@link org.actitosync.actito.errors.ActitoException}.
 */
public final class RecordsApi {
  private static final Logger LOG = LoggerFactory.getLogger(RecordsApi.class);

  private final ActitoHttp http;
  private final ActitoPaths paths;

  public RecordsApi(ActitoHttp http, ActitoPaths paths) {
    this.http = http;
    this.paths = paths;
  }

  /**
   * Create or update ({@code POST …/record}); Actito matches on the table's primary key attribute,
   * which must be among {@code values}. The 2xx status is the evidence of acceptance; the body only
   * adds detail and is read tolerantly (absent, {@code null}, or not JSON is fine): outcome
   * CREATED/UPDATED when Actito says which (a boolean {@code created}), else UPSERTED; the business
   * key is Actito's {@code businessKey} when present.
   */
  public WriteResult upsert(String table, Map<String, ?> values) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.RECORD_UPSERT, "POST", paths.records(table),
        Json.content(properties(values))));
    JsonNode body = r.lenientJson();
    JsonNode created = body.get("created");
    RecordEffect outcome = created == null || !created.isBoolean()
        ? RecordEffect.UPSERTED
        : created.asBoolean() ? RecordEffect.CREATED : RecordEffect.UPDATED;
    String businessKey = body.hasNonNull("businessKey") ? body.get("businessKey").asText() : null;
    return WriteResult.of(outcome, businessKey, r.attempts());
  }

  /**
   * Update only ({@code PUT …/record/{key}}): only the given attributes change. A record that does
   * not exist (404) is not created: outcome NOT_FOUND. Actito also answers 404 for an unknown
   * table; check the table once with {@code structure().customTable(...)} before a run.
   */
  public WriteResult update(String table, String key, Map<String, ?> values) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.RECORD_UPDATE, "PUT",
        paths.record(table, key), Json.content(properties(values))).passingThrough(404));
    return WriteResult.of(r.status() == 404 ? RecordEffect.NOT_FOUND : RecordEffect.UPDATED, key,
        r.attempts());
  }

  /**
   * Create only, never modifying an existing record: {@code GET …/record/{key}}, then {@code POST}
   * only if it is absent. Outcome CREATED or EXISTS.
   *
   * <p>Race window: Actito has no conditional create, so a record created by someone else between
   * the GET and the POST is overwritten by the POST (an upsert). When Actito reports that the POST
   * updated an existing record, the outcome is UPDATED and a warning is logged. A replay of a
   * create-only that already succeeded answers EXISTS.
   *
   * @param key the value of the table's primary key attribute in {@code values}
   */
  public WriteResult createOnly(String table, String key, Map<String, ?> values) {
    ApiResponse existing = http.execute(ApiRequest.of(Operation.RECORD_GET, "GET",
        paths.record(table, key), null).passingThrough(404));
    if (existing.status() != 404) {
      return WriteResult.of(RecordEffect.EXISTS, key, existing.attempts());
    }
    WriteResult posted = upsert(table, values);
    int attempts = existing.attempts() + posted.attempts();
    String bk = posted.businessKey().orElse(key);
    if (posted.outcome() == RecordEffect.UPDATED) {
      LOG.warn("create-only on table {}: record created concurrently between GET and POST; the POST"
          + " updated it", table);
      return WriteResult.of(RecordEffect.UPDATED, bk, attempts);
    }
    return WriteResult.of(RecordEffect.CREATED, bk, attempts);
  }

  /**
   * The record's attributes (technical ones included: {@code id}, {@code creationMoment}, {@code
   * updateMoment}), or empty when there is none (404, which is also Actito's answer for an unknown
   * table). Numbers come back as {@code Integer}/{@code Long}/{@code BigDecimal}.
   */
  public Optional<Map<String, Object>> get(String table, String key) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.RECORD_GET, "GET",
        paths.record(table, key), null).passingThrough(404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(Json.fromNamedValues(r.json().get("properties")));
  }

  /** Deletes the record; a 404 means it is already gone and counts as success (ALREADY_ABSENT). */
  public WriteResult delete(String table, String key) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.RECORD_DELETE, "DELETE",
        paths.record(table, key), null).passingThrough(404));
    return WriteResult.of(r.status() == 404 ? RecordEffect.ALREADY_ABSENT : RecordEffect.DELETED,
        key, r.attempts());
  }

  static ObjectNode properties(Map<String, ?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a record write needs at least one attribute");
    }
    ObjectNode body = Json.object();
    body.set("properties", Json.namedValues(values));
    return body;
  }
}
