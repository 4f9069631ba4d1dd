package org.actitosync.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.actito.PathStyle;
import org.actitosync.actito.probe.ProbeResult;
import org.actitosync.pipeline.check.CheckLine.Verdict;

/**
 * What each answer of the connection check means and what to do about it. Pure: statuses and bodies
 * in, {@link CheckLine}s out. A 401 or 403 is always {@link Verdict#AUTH} (exit 3: fix the key or
 * its rights); a 404 on a structure route is told apart from a missing table by the entity's table
 * list; anything else that is not the expected answer is {@link Verdict#FAIL} (exit 2).
 */
final class CheckVerdicts {
  private CheckVerdicts() {}

  static CheckLine token(ProbeResult r) {
    if (r.isSuccess()) {
      return line(r, Verdict.OK, "Actito accepted the key");
    }
    if (r.status() == 401 || r.status() == 403) {
      return line(r, Verdict.AUTH, r.status() + ": Actito refused the key: check the key in"
          + " target.apiKeyEnv / target.apiKeyFile and that it belongs to this environment"
          + " (target.environment / target.baseUrl)");
    }
    if (r.status() == 404) {
      return line(r, Verdict.FAIL, "404: no token route at this address: check target.environment"
          + " / target.baseUrl");
    }
    return other(r);
  }

  /**
   * @param table the custom table's answer
   * @param tables the entity's table list, asked only when {@code table} was a 404 (else null)
   */
  static CheckLine customTable(ProbeResult table, ProbeResult tables, PathStyle style,
      String entity, String name) {
    if (table.isSuccess()) {
      String pk = table.body() == null ? "" : table.body().path("primaryKeyAttribute").asText("");
      return line(table, Verdict.OK, "custom table '" + name + "' found"
          + (pk.isEmpty() ? "" : " (primary key " + pk + ")"));
    }
    if (table.status() == 404 && tables != null && tables.isSuccess()) {
      List<String> names = names(tables.body());
      return line(table, Verdict.FAIL, "404: entity '" + entity + "' has no custom table '" + name
          + "'" + (names.isEmpty() ? "" : " (it has: " + String.join(", ", names) + ")")
          + ": check target.table");
    }
    if (table.status() == 404) {
      return line(table, Verdict.FAIL, "404 on the route: " + styleAdvice(style)
          + " (or entity '" + entity + "' does not exist: check target.entity)");
    }
    return other(table);
  }

  static CheckLine profileTable(ProbeResult r, PathStyle style, String name) {
    if (r.isSuccess()) {
      return line(r, Verdict.OK, "profile table '" + name + "' found");
    }
    if (r.status() == 404) {
      return line(r, Verdict.FAIL, "404: no profile table '" + name + "' here: check profiles.table;"
          + " if the custom table's route also answered 404, " + styleAdvice(style));
    }
    return other(r);
  }

  static CheckLine etl(ProbeResult r, String etlId, String entity) {
    if (r.isSuccess()) {
      return line(r, Verdict.OK, "ETL " + etlId + " found");
    }
    if (r.status() == 404) {
      return line(r, Verdict.FAIL, "404: entity '" + entity + "' has no ETL " + etlId
          + ": check write.bulk.etlId (or remove it to use one-shot ETL executions)");
    }
    return other(r);
  }

  /** A GET of a record key that cannot exist: 404 is the expected answer. */
  static CheckLine missingRecord(ProbeResult r, PathStyle style) {
    if (r.status() == 404) {
      return line(r, Verdict.OK, "the record route answers 404 for a key that cannot exist, as expected");
    }
    if (r.isSuccess()) {
      return line(r, Verdict.FAIL, r.status() + " for a key that cannot exist: this address may not"
          + " be Actito's API (check target.baseUrl), or " + styleAdvice(style));
    }
    return other(r);
  }

  /** Any unexpected answer: auth, limits, outages, no answer, or the status and Actito's message. */
  static CheckLine other(ProbeResult r) {
    String said = r.message().isEmpty() ? "" : " (" + r.message() + ")";
    if (r.status() == 401 || r.status() == 403) {
      return line(r, Verdict.AUTH, r.status() + ": the API key lacks the right for this route"
          + said + ": ask the licence's admin to grant it (Manage API users)");
    }
    if (r.status() == 0) {
      return line(r, Verdict.FAIL, "no answer" + said + ": check target.baseUrl and the network");
    }
    if (r.status() == 429) {
      return line(r, Verdict.FAIL, "429: Actito's limits are reached (another integration of the"
          + " licence may be running)" + said + ": try again later");
    }
    if (r.status() >= 500) {
      return line(r, Verdict.FAIL, r.status() + ": Actito is unavailable" + said + ": try again later");
    }
    return line(r, Verdict.FAIL, r.status() + ": unexpected answer" + said);
  }

  private static String styleAdvice(PathStyle style) {
    return style == PathStyle.PREFIXED
        ? "this environment may need target.pathStyle CLASSIC"
        : "this environment may need target.pathStyle PREFIXED (Actito's routes since June 2025)";
  }

  /** The {@code name} of every object in the first array of a list answer. */
  private static List<String> names(JsonNode body) {
    List<String> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    JsonNode array = body.isArray() ? body : null;
    for (JsonNode field : body) {
      if (array == null && field.isArray()) {
        array = field;
      }
    }
    if (array != null) {
      array.forEach(t -> {
        if (t.hasNonNull("name")) {
          out.add(t.get("name").asText());
        }
      });
    }
    return out;
  }

  private static CheckLine line(ProbeResult r, Verdict verdict, String advice) {
    return new CheckLine(r.route(), r.status(), verdict, advice);
  }
}
