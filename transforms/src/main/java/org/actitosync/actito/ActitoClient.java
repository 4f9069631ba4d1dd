package org.actitosync.actito;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.actitosync.actito.auth.TokenProvider;
import org.actitosync.actito.auth.TokenUnavailableException;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ClassifiedError;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.errors.ErrorClassifier;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.HttpExchange;
import org.actitosync.actito.etl.EtlApi;
import org.actitosync.actito.observe.ActitoCallListener;
import org.actitosync.actito.observe.CallCounters;
import org.actitosync.actito.probe.ProbeApi;
import org.actitosync.actito.profiles.ProfilesApi;
import org.actitosync.actito.records.RecordsApi;
import org.actitosync.actito.structure.StructureApi;

/**
 * Client of Actito's REST API for one entity, built on google-http-client ({@link
 * NetHttpTransport}).
 *
 * <pre>{@code
 * ActitoClient client = ActitoClient.create(config);        // e.g. in a DoFn's @Setup
 * client.checkAuthentication();                              // launcher preflight: fails fast
 * client.records().upsert("orders", Map.of("orderId", "o-1", "amount", 10.5));
 * client.records().delete("orders", "o-1");                  // 404 counts as success
 * }</pre>
 *
 * <p>Guarantees: every call is classified once ({@link ErrorClassifier}); RETRYABLE errors are
 * retried per {@link ActitoClientConfig#retryPolicy()} with exponential backoff, jitter and
 * {@code Retry-After}; a 401 re-mints the token once and replays; a second 401 or a 403 throws
 * {@link org.actitosync.actito.errors.ActitoAuthException}. Payloads carry no call-time data, so
 * replays are identical. Thread-safe: one client may be shared by the threads of a JVM (the
 * access token is cached and shared). The key and tokens never appear in logs or exceptions.
 */
public final class ActitoClient implements AutoCloseable {
  private final ActitoClientConfig config;
  private final HttpTransport transport;
  private final CallCounters counters;
  private final TokenProvider tokens;
  private final RecordsApi records;
  private final ProfilesApi profiles;
  private final StructureApi structure;
  private final EtlApi etl;
  private final ProbeApi probes;

  private ActitoClient(Builder b) {
    this.config = b.config;
    this.transport = b.transport != null ? b.transport : new NetHttpTransport();
    this.counters = new CallCounters();
    List<ActitoCallListener> listeners = new ArrayList<>();
    listeners.add(counters);
    listeners.addAll(b.listeners);
    ActitoCallListener listener = ActitoCallListener.all(listeners);
    ErrorClassifier classifier = new ErrorClassifier(b.clock);
    HttpExchange exchange = new HttpExchange(
        config.baseUrl(), transport, config.connectTimeout(), config.readTimeout());
    this.tokens = new TokenProvider(exchange, config.apiKey(), config.entity(), b.clock,
        config.tokenSafetyMargin(), classifier, listener);
    ActitoHttp http = new ActitoHttp(exchange, tokens, classifier, config.retryPolicy(),
        b.sleeper, b.random, listener, config.entity());
    ActitoPaths paths = new ActitoPaths(config.entity(), config.pathStyles());
    this.records = new RecordsApi(http, paths);
    this.profiles = new ProfilesApi(http, paths);
    this.structure = new StructureApi(http, paths);
    this.probes = new ProbeApi(http, paths);
    this.etl = new EtlApi(http, paths, b.sleeper, config.importPolling(),
        config.maxImportBytes(), config.etlContract());
  }

  /** A client with the real clock, sleeper and a {@link NetHttpTransport}. */
  public static ActitoClient create(ActitoClientConfig config) {
    return builder(config).build();
  }

  /** For injecting a clock, sleeper, jitter source, transport or listeners (tests, writer). */
  public static Builder builder(ActitoClientConfig config) {
    return new Builder(config);
  }

  public RecordsApi records() {
    return records;
  }

  public ProfilesApi profiles() {
    return profiles;
  }

  public StructureApi structure() {
    return structure;
  }

  /** Bulk writes through v5 ETL executions. */
  public EtlApi etl() {
    return etl;
  }

  /** Read-only probes whose statuses are returned, not thrown (the connection check). */
  public ProbeApi probes() {
    return probes;
  }

  /** Counters of every call this client made (always kept, in addition to any listener). */
  public CallCounters counters() {
    return counters;
  }

  public ActitoClientConfig config() {
    return config;
  }

  /**
   * Preflight: mints (or reuses) an access token. Throws {@link
   * org.actitosync.actito.errors.ActitoAuthException} when the key is refused, {@link
   * ActitoException} when the token route stays unavailable.
   */
  public void checkAuthentication() {
    String target = "on entity '" + config.entity() + "' (GET /auth/token)";
    try {
      tokens.get();
    } catch (TokenUnavailableException e) {
      ClassifiedError c = e.classification();
      if (c.errorClass() == ErrorClass.AUTH) {
        throw new ActitoAuthException(Operation.TOKEN, target, c.status(), c.message(), 1, null);
      }
      throw new ActitoException(Operation.TOKEN, target, c.errorClass(), c.status(), c.message(), 1,
          false, null, null);
    }
  }

  /** The cached token value; only for the client's own leak tests. */
  String currentTokenForLeakTests() {
    return tokens.currentValueForLeakTests();
  }

  @Override
  public void close() throws IOException {
    transport.shutdown();
  }

  @Override
  public String toString() {
    return "ActitoClient{" + config + "}";
  }

  /** Builder of {@link ActitoClient}; everything but the config is optional. */
  public static final class Builder {
    private final ActitoClientConfig config;
    private HttpTransport transport;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.DEFAULT;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private final List<ActitoCallListener> listeners = new ArrayList<>();

    private Builder(ActitoClientConfig config) {
        this.config = config;
    }

    public Builder transport(HttpTransport transport) {
      this.transport = transport;
      return this;
    }

    /** Clock for token expiry and {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Sleeper for backoff and ETL execution polling (tests: record instead of sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Source of uniform [0,1) values for backoff jitter. */
    public Builder jitter(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    public Builder listener(ActitoCallListener listener) {
      this.listeners.add(listener);
      return this;
    }

    public ActitoClient build() {
      return new ActitoClient(this);
    }
  }
}
