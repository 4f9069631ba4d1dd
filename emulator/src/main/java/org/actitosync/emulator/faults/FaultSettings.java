package org.actitosync.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable fault-injection settings ({@code POST /_emulator/faults} body, same field names).
 *
 * @param seed seed of the pseudo-random sequence: same seed and same request sequence give the same faults
 * @param errorRate probability that a call is answered with one of {@code errorStatuses} without being processed
 * @param errorStatuses statuses to pick from (uniformly), default 500, 502, 503
 * @param errorRetryAfterSeconds {@code Retry-After} sent with injected errors; null = none
 * @param resetRate probability that the connection is closed without any response
 * @param latencyMillis latency added to every selected call (before processing, while counted in flight)
 * @param tokenExpiryRate probability that the caller's (valid) bearer token expires now: answered 401
 *     (never at a token's first call)
 * @param routes route names the faults apply to (see README, e.g. {@code "POST /record"}); null = all Actito routes
 * @param afterProcessing false (default): injected statuses and resets happen before the request is processed
 *     (nothing written); true: after it (the write is applied but the client sees the error or the reset)
 */
public record FaultSettings(long seed, double errorRate, List<Integer> errorStatuses, Integer errorRetryAfterSeconds,
    double resetRate, long latencyMillis, double tokenExpiryRate, List<String> routes, boolean afterProcessing) {

  /** No faults. */
  public static final FaultSettings NONE = new FaultSettings(0, 0, List.of(500, 502, 503), null, 0, 0, 0, null,
      false);

  public FaultSettings {
    errorStatuses = errorStatuses == null || errorStatuses.isEmpty() ? List.of(500, 502, 503)
        : List.copyOf(errorStatuses);
    routes = routes == null ? null : List.copyOf(routes);
    if (errorRate < 0 || errorRate > 1 || resetRate < 0 || resetRate > 1 || tokenExpiryRate < 0
        || tokenExpiryRate > 1) {
      throw new IllegalArgumentException("rates must be between 0 and 1");
    }
  }

  /** Starts from no faults with the given seed. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** True when some fault can happen. */
  public boolean active() {
    return errorRate > 0 || resetRate > 0 || latencyMillis > 0 || tokenExpiryRate > 0;
  }

  /** True when faults apply to {@code route}. */
  public boolean appliesTo(String route) {
    return routes == null || routes.contains(route);
  }

  /** Parses the admin JSON body; absent fields take the {@link #NONE} values. */
  public static FaultSettings fromJson(JsonNode n) {
    List<Integer> statuses = new ArrayList<>();
    n.path("errorStatuses").forEach(s -> statuses.add(s.asInt()));
    List<String> routes = null;
    if (n.hasNonNull("routes")) {
      routes = new ArrayList<>();
      for (JsonNode r : n.get("routes")) {
        routes.add(r.asText());
      }
    }
    return new FaultSettings(n.path("seed").asLong(0), n.path("errorRate").asDouble(0), statuses,
        n.hasNonNull("errorRetryAfterSeconds") ? n.get("errorRetryAfterSeconds").asInt() : null,
        n.path("resetRate").asDouble(0), n.path("latencyMillis").asLong(0), n.path("tokenExpiryRate").asDouble(0),
        routes, n.path("afterProcessing").asBoolean(false));
  }

  /** Fluent construction of {@link FaultSettings}. */
  public static final class Builder {
    private final long seed;
    private double errorRate;
    private List<Integer> errorStatuses = List.of(500, 502, 503);
    private Integer errorRetryAfterSeconds;
    private double resetRate;
    private long latencyMillis;
    private double tokenExpiryRate;
    private List<String> routes;
    private boolean afterProcessing;

    private Builder(long seed) {
      this.seed = seed;
    }

    public Builder errorRate(double rate, Integer... statuses) {
      this.errorRate = rate;
      if (statuses.length > 0) {
        this.errorStatuses = List.of(statuses);
      }
      return this;
    }

    public Builder errorRetryAfterSeconds(Integer seconds) {
      this.errorRetryAfterSeconds = seconds;
      return this;
    }

    public Builder resetRate(double rate) {
      this.resetRate = rate;
      return this;
    }

    public Builder latencyMillis(long millis) {
      this.latencyMillis = millis;
      return this;
    }

    public Builder tokenExpiryRate(double rate) {
      this.tokenExpiryRate = rate;
      return this;
    }

    public Builder routes(String... routeNames) {
      this.routes = List.of(routeNames);
      return this;
    }

    /** Injected statuses and resets happen after the request was processed (the write is applied). */
    public Builder afterProcessing(boolean after) {
      this.afterProcessing = after;
      return this;
    }

    public FaultSettings build() {
      return new FaultSettings(seed, errorRate, errorStatuses, errorRetryAfterSeconds, resetRate, latencyMillis,
          tokenExpiryRate, routes, afterProcessing);
    }
  }
}
