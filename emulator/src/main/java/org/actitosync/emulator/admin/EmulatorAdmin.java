package org.actitosync.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.actitosync.emulator.model.RowSnapshot;

/**
 * Java mirror of the {@code /_emulator/} admin endpoints. Admin operations are never counted in the
 * statistics and never subject to limits, faults or authentication. Thread-safe.
 *
 * <p>Values in returned rows are the stored Java values: {@code String} (STRING, DATE, TIMESTAMP,
 * e-mail…), {@code Long} (LONG, INTEGER), {@code java.math.BigDecimal} (NUMBER), {@code Boolean}.
 */
public final class EmulatorAdmin {
  private final EmulatorCore core;

  public EmulatorAdmin(EmulatorCore core) {
    this.core = core;
  }

  /** All records of a custom table sorted by primary key, business attributes only (unset ones absent). */
  public List<Map<String, Object>> records(String entity, String table) {
    return records(entity, table, false);
  }

  /** As {@link #records(String, String)}; with {@code technical}, also {@code id}, {@code creationMoment}, {@code updateMoment}. */
  public List<Map<String, Object>> records(String entity, String table, boolean technical) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RowSnapshot r : core.store().allRecords(entity, table)) {
      out.add(flat(r, "id", technical));
    }
    return Collections.unmodifiableList(out);
  }

  /** All profiles of a profile table by profileId: {@code {"profileId": n, attr: value…}}. */
  public List<Map<String, Object>> profiles(String entity, String table) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RowSnapshot r : core.store().allProfiles(entity, table)) {
      out.add(flat(r, "profileId", false));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> flat(RowSnapshot r, String idName, boolean technical) {
    Map<String, Object> m = new LinkedHashMap<>();
    if ("profileId".equals(idName)) {
      m.put("profileId", r.id());
    }
    m.putAll(r.values());
    if (technical) {
      m.put(idName, r.id());
      m.put("creationMoment", r.creationMoment());
      m.put("updateMoment", r.updateMoment());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Back to the data file's state: rows, imports, ETL executions, quotas, rate windows, revoked keys,
   * statistics, error-report mode (NORMAL) and faults (to the builder's initial faults, none by default).
   * Tokens already minted stay valid.
   */
  public void reset() {
    core.reset();
  }

  public EmulatorStats stats() {
    return core.stats();
  }

  /** Zeroes the statistics (peak concurrency restarts from the requests in flight now). */
  public void resetStats() {
    core.resetStats();
  }

  /** Replaces the fault settings; the pseudo-random sequence restarts from their seed. */
  public void faults(FaultSettings settings) {
    core.faults().configure(settings);
  }

  /** No more faults. */
  public void clearFaults() {
    core.faults().configure(FaultSettings.NONE);
  }

  /** The current fault settings. */
  public FaultSettings currentFaults() {
    return core.faults().settings();
  }

  /**
   * How ETL error reports are served from now on: NORMAL (the CSV; 404 when the execution has none),
   * GARBLED (200 with a body that is not the CSV), MISSING (404). {@link #reset()} → NORMAL.
   */
  public void errorReports(ErrorReportMode mode) {
    core.etls().errorReports(java.util.Objects.requireNonNull(mode, "mode"));
  }

  /** The current error-report mode. */
  public ErrorReportMode errorReports() {
    return core.etls().errorReports();
  }

  /** Every token issued so far expires now. */
  public void expireTokens() {
    core.tokens().expireAll();
  }

  /** The key gets 401 at /auth/token and its tokens get 401. */
  public void revokeKey(String key) {
    core.tokens().revoke(key);
  }

  /**
   * Puts rows directly, as if someone edited Actito by hand: create-or-update by primary key, types and
   * restrictions checked (400-style {@link org.actitosync.emulator.validation.ValidationException}),
   * foreign keys not checked, technical attributes ignored.
   */
  public void putRecords(String entity, String table, List<Map<String, Object>> rows) {
    List<JsonNode> nodes = new ArrayList<>();
    rows.forEach(r -> nodes.add(core.mapper().valueToTree(r)));
    core.store().putRecords(entity, table, nodes);
  }
}
