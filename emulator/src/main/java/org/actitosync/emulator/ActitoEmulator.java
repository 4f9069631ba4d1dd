package org.actitosync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.actitosync.emulator.admin.EmulatorAdmin;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.http.EmulatorServer;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.RateMode;
import org.actitosync.emulator.model.EmulatorData;
import org.actitosync.emulator.model.ProfileGetShape;

/**
 * A running Actito API emulator: a local HTTP server (Javalin/Jetty) serving Actito's token, entity,
 * structure, record, profile, v5 ETL execution and v4 import routes (the spellings of a {@link RouteSet},
 * default the family-prefixed ones of today's Actito, where v4 imports answer 404) from an in-memory
 * licence described by a data file, with Actito's documented limits, deterministic fault injection and
 * {@code /_emulator/} admin routes.
 *
 * <pre>{@code
 * try (ActitoEmulator emu = ActitoEmulator.builder().data(json).port(0).clock(clock).start()) {
 *   String base = emu.baseUrl();
 *   EmulatorAdmin admin = emu.admin();
 * }
 * }</pre>
 */
public final class ActitoEmulator implements AutoCloseable {
  private final EmulatorCore core;
  private final EmulatorServer server;
  private final EmulatorAdmin admin;
  private final String host;

  private ActitoEmulator(EmulatorCore core, EmulatorServer server, EmulatorAdmin admin, String host) {
    this.core = core;
    this.server = server;
    this.admin = admin;
    this.host = host;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://HOST:PORT}, no trailing slash. */
  public String baseUrl() {
    return "http://" + host + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The admin operations (same as {@code /_emulator/}). */
  public EmulatorAdmin admin() {
    return admin;
  }

  /** The effective limits (data file, then builder overrides). */
  public Limits limits() {
    return core.limits();
  }

  /** Stops the server and the import worker. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      core.close();
    }
  }

  /**
   * The JSON mapper the emulator uses (records serialised as JSON objects; BigDecimal kept exact:
   * JSON numbers with a fraction or an exponent are read as BigDecimal, never through a double).
   */
  static ObjectMapper newMapper() {
    return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** Builds and starts an emulator. Builder values override the data file's. */
  public static final class Builder {
    private String data = "{}";
    private String host = "127.0.0.1";
    private int port = 0;
    private Clock clock = Clock.systemUTC();
    private Duration tokenTtl;
    private FaultSettings faults = FaultSettings.NONE;
    private RouteSet routes = RouteSet.PREFIXED;
    private ProfileGetShape profileGetShape;
    private final List<UnaryOperator<Limits>> overrides = new ArrayList<>();

    private Builder() {
    }

    /** The data file's JSON text. */
    public Builder data(String json) {
      this.data = json;
      return this;
    }

    /** Reads the data file (UTF-8). */
    public Builder dataFile(Path file) {
      try {
        this.data = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read data file " + file, e);
      }
      return this;
    }

    /** Port to bind; 0 (default) = a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Interface to bind; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Clock for token expiry, rate windows, daily quotas and technical moments (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Token lifetime (default: data file's {@code tokenTtlSeconds}, else 900 s). */
    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = ttl;
      return this;
    }

    /** Replaces all limits (later single-limit calls still apply on top). */
    public Builder limits(Limits limits) {
      overrides.add(l -> limits);
      return this;
    }

    public Builder maxConcurrent(int n) {
      overrides.add(l -> l.withMaxConcurrent(n));
      return this;
    }

    public Builder callsPerMinute(int n) {
      overrides.add(l -> l.withCallsPerMinute(n));
      return this;
    }

    public Builder rateMode(RateMode mode) {
      overrides.add(l -> l.withRateMode(mode));
      return this;
    }

    /** {@code Retry-After} seconds on 429s; null = no header. */
    public Builder retryAfterSeconds(Integer seconds) {
      overrides.add(l -> l.withRetryAfterSeconds(seconds));
      return this;
    }

    public Builder bulkImportsPerTablePerDay(int n) {
      overrides.add(l -> l.withBulkImportsPerTablePerDay(n));
      return this;
    }

    public Builder maxImportBytes(long bytes) {
      overrides.add(l -> l.withMaxImportBytes(bytes));
      return this;
    }

    public Builder importProcessingDelayMillis(long millis) {
      overrides.add(l -> l.withImportProcessingDelayMillis(millis));
      return this;
    }

    /** LATENCY mode: delay per call over the budget, and its cap. */
    public Builder throttle(long stepMillis, long maxMillis) {
      overrides.add(l -> l.withThrottle(stepMillis, maxMillis));
      return this;
    }

    /** Faults active from the start (and restored by reset). */
    public Builder faults(FaultSettings settings) {
      this.faults = settings;
      return this;
    }

    /** Which route spellings are served (default PREFIXED: Actito as it is today). */
    public Builder routes(RouteSet routes) {
      this.routes = java.util.Objects.requireNonNull(routes, "routes");
      return this;
    }

    /** The body of a single-profile GET (default: the data file's {@code profileGetShape}, else SDK). */
    public Builder profileGetShape(ProfileGetShape shape) {
      this.profileGetShape = java.util.Objects.requireNonNull(shape, "shape");
      return this;
    }

    /** Parses the data, starts the server and returns the running emulator. */
    public ActitoEmulator start() {
      ObjectMapper mapper = newMapper();
      EmulatorData parsed = EmulatorData.parse(data, mapper);
      if (profileGetShape != null) {
        parsed = parsed.withProfileGetShape(profileGetShape);
      }
      Limits limits = parsed.limits();
      for (UnaryOperator<Limits> o : overrides) {
        limits = o.apply(limits);
      }
      Duration ttl = tokenTtl != null ? tokenTtl : Duration.ofSeconds(parsed.tokenTtlSeconds());
      EmulatorCore core = new EmulatorCore(mapper, clock, parsed, limits, ttl, faults);
      EmulatorAdmin admin = new EmulatorAdmin(core);
      try {
        EmulatorServer server = EmulatorServer.start(core, admin, host, port, routes);
        return new ActitoEmulator(core, server, admin, host);
      } catch (RuntimeException e) {
        core.close();
        throw e;
      }
    }
  }
}
