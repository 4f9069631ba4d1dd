package org.actitosync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.actitosync.emulator.admin.EmulatorStats;
import org.actitosync.emulator.admin.StatsRecorder;
import org.actitosync.emulator.auth.TokenService;
import org.actitosync.emulator.faults.FaultInjector;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.imports.EtlService;
import org.actitosync.emulator.imports.ImportService;
import org.actitosync.emulator.limits.ConcurrencyGate;
import org.actitosync.emulator.limits.ImportQuota;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.RateLimiter;
import org.actitosync.emulator.model.DataStore;
import org.actitosync.emulator.model.EmulatorData;

/**
 * Everything one emulator instance holds: the data, tokens, limiters, faults, statistics, imports and
 * ETL executions.
 * The HTTP layer and {@link org.actitosync.emulator.admin.EmulatorAdmin} both work on it.
 */
public final class EmulatorCore implements AutoCloseable {
  /** An applied change request (served again by GET …/change-requests/{id}). */
  public record ChangeRequest(String id, String entity, String table, String status) {
  }

  private final ObjectMapper mapper;
  private final Clock clock;
  private final EmulatorData data;
  private final Limits limits;
  private final DataStore store;
  private final TokenService tokens;
  private final ConcurrencyGate gate = new ConcurrencyGate();
  private final RateLimiter rate;
  private final ImportQuota quota;
  private final ImportQuota etlQuota;
  private final FaultInjector faults = new FaultInjector();
  private final FaultSettings initialFaults;
  private final StatsRecorder stats = new StatsRecorder();
  private final ScheduledExecutorService worker;
  private final ImportService imports;
  private final EtlService etls;
  private final Map<String, ChangeRequest> changeRequests = new ConcurrentHashMap<>();
  private final AtomicLong nextChangeRequest = new AtomicLong(1);

  EmulatorCore(ObjectMapper mapper, Clock clock, EmulatorData data, Limits limits, Duration tokenTtl,
      FaultSettings initialFaults) {
    this.mapper = mapper;
    this.clock = clock;
    this.data = data;
    this.limits = limits;
    this.initialFaults = initialFaults;
    this.store = new DataStore(clock);
    this.store.load(data);
    this.store.onRecordCreated(stats::recordCreated);
    this.tokens = new TokenService(clock, tokenTtl, data.apiKeys());
    this.rate = new RateLimiter(clock);
    this.quota = new ImportQuota(clock);
    this.etlQuota = new ImportQuota(clock);
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "actito-emulator-imports");
      t.setDaemon(true);
      return t;
    });
    this.imports = new ImportService(store, quota, () -> this.limits, worker, clock, false);
    try {
      this.etls = new EtlService(new ImportService(store, etlQuota, () -> this.limits, worker, clock, true), store,
          data.etls());
    } catch (RuntimeException e) {
      worker.shutdownNow(); // a seeded ETL is invalid: the emulator does not start
      throw e;
    }
    this.faults.configure(initialFaults);
  }

  /**
   * Back to the data file's state; statistics, faults, quotas, rate windows, imports, ETL executions (and
   * the error-report mode) and revocations cleared.
   */
  public void reset() {
    store.load(data);
    imports.clear();
    etls.clear();
    changeRequests.clear();
    quota.reset();
    etlQuota.reset();
    rate.reset();
    faults.configure(initialFaults);
    tokens.clearRevocations();
    resetStats();
  }

  /** Zeroes the statistics. */
  public void resetStats() {
    stats.reset();
    gate.resetPeak();
    rate.resetStats();
    tokens.resetMinted();
  }

  public EmulatorStats stats() {
    return stats.snapshot(gate.peak(), rate.maxCallsInSlidingMinute(), tokens.minted());
  }

  /** Records an applied change request and returns it. */
  public ChangeRequest recordChangeRequest(String entity, String table) {
    ChangeRequest cr = new ChangeRequest("cr-" + nextChangeRequest.getAndIncrement(), entity, table, "APPLIED");
    changeRequests.put(cr.id(), cr);
    return cr;
  }

  public ChangeRequest changeRequest(String id) {
    return changeRequests.get(id);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public Clock clock() {
    return clock;
  }

  public EmulatorData data() {
    return data;
  }

  public Limits limits() {
    return limits;
  }

  public DataStore store() {
    return store;
  }

  public TokenService tokens() {
    return tokens;
  }

  public ConcurrencyGate gate() {
    return gate;
  }

  public RateLimiter rate() {
    return rate;
  }

  public FaultInjector faults() {
    return faults;
  }

  public StatsRecorder statsRecorder() {
    return stats;
  }

  public ImportService imports() {
    return imports;
  }

  public EtlService etls() {
    return etls;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
