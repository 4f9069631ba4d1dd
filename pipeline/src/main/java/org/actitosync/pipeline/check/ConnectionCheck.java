package org.actitosync.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.PathStyle;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.probe.ProbeResult;
import org.actitosync.actito.retry.RetryPolicy;
import org.actitosync.pipeline.check.CheckLine.Verdict;
import org.actitosync.pipeline.config.ActivationConfig;

/**
 * The connection check ({@code --check}): proves a config against the user's own Actito licence
 * before the first run, with read-only calls only: the token; the custom table's structure (and the
 * entity's table list when that answers 404, to tell a wrong route from a wrong table); the profile
 * table's structure when profiles are inserted; the ETL when {@code write.bulk.etlId} is set; once
 * the custom table is found, a GET of a record key that cannot exist, expecting 404. It reads no warehouse data, opens no snapshot
 * and writes nothing. Transient errors are retried briefly (3 attempts, 10 s at most per call).
 */
public final class ConnectionCheck {
  /** Numeric key attributes get a key no sequence reaches; others a random text key. */
  private static final Set<String> NUMERIC = Set.of("LONG", "NUMBER", "INTEGER", "INT", "DOUBLE");
  private static final RetryPolicy BRIEF = RetryPolicy.builder().setMaxAttempts(3)
      .setMaxTotalBackoff(Duration.ofSeconds(10)).build();

  /** The lines in call order, and the exit code: 0 all as expected, 3 key refused, 2 otherwise. */
  public record Result(List<CheckLine> lines, int exitCode) {
    static Result of(List<CheckLine> lines) {
      boolean auth = lines.stream().anyMatch(l -> l.verdict() == Verdict.AUTH);
      boolean ok = lines.stream().allMatch(CheckLine::ok);
      return new Result(List.copyOf(lines), auth ? 3 : ok ? 0 : 2);
    }

    /** The closing line. */
    public String summary() {
      long problems = lines.stream().filter(l -> !l.ok()).count();
      return problems == 0
          ? "check: OK: all " + lines.size() + " calls answered as the run needs"
          : "check: " + problems + " problem" + (problems == 1 ? "" : "s")
              + ": fix what the lines above say, then run --check again";
    }
  }

  private ConnectionCheck() {}

  /** The client config the check uses: the activation's, with brief retries. */
  public static ActitoClientConfig clientConfig(ActivationConfig config) {
    return config.actitoClientConfig().toBuilder().setRetryPolicy(BRIEF).build();
  }

  /** Runs every probe the config calls for, in order; stops after the token if it was refused. */
  public static Result run(ActivationConfig config, ActitoClient client) {
    List<CheckLine> lines = new ArrayList<>();
    CheckLine token = CheckVerdicts.token(token(client));
    lines.add(token);
    if (!token.ok()) {
      return Result.of(lines); // without a token no other route can answer
    }
    String entity = config.target().entity();
    String table = config.target().table();
    PathStyle style = config.target().pathStyle();
    ProbeResult structure = client.probes().customTable(table);
    ProbeResult tables = structure.status() == 404 ? client.probes().customTables() : null;
    lines.add(CheckVerdicts.customTable(structure, tables, style, entity, table));
    Optional<String> profiles = config.profiles().insertMissing()
        ? config.profiles().table() : Optional.empty();
    profiles.ifPresent(p -> lines.add(
        CheckVerdicts.profileTable(client.probes().profileTable(p), style, p)));
    config.write().bulk().etlId().ifPresent(etl -> lines.add(
        CheckVerdicts.etl(client.probes().etl(etl), etl, entity)));
    if (structure.isSuccess()) { // a record GET on a table that is not there would prove nothing
      String key = impossibleKey(structure.body(), config.keyAttribute());
      lines.add(CheckVerdicts.missingRecord(client.probes().record(table, key), style));
    }
    return Result.of(lines);
  }

  private static ProbeResult token(ActitoClient client) {
    String route = "GET /auth/token";
    try {
      client.checkAuthentication();
      return ProbeResult.of(route, 200, "", null);
    } catch (ActitoException e) {
      return ProbeResult.of(route, e.status(), e.actitoMessage(), null);
    }
  }

  /** A key of the key attribute's type that no record has. */
  static String impossibleKey(JsonNode structure, String keyAttribute) {
    if (structure != null) {
      for (JsonNode a : structure.path("attributes")) {
        if (keyAttribute.equals(a.path("name").asText())
            && NUMERIC.contains(a.path("valueType").asText("").toUpperCase(Locale.ROOT))) {
          return "-4611686018427387904";
        }
      }
    }
    return "actito-sync-check-" + UUID.randomUUID();
  }
}
