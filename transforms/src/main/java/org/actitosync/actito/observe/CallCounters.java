package org.actitosync.actito.observe;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ErrorClass;

/**
 * Thread-safe counters fed by the client: calls by operation and status, retries, 429s served,
 * milliseconds slept in backoff, tokens minted and final failures by class. Every client keeps
 * one ({@code ActitoClient.counters()}).
 */
public final class CallCounters implements ActitoCallListener {
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<ErrorClass, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final LongAdder throttled429 = new LongAdder();
  private final LongAdder sleptMillis = new LongAdder();
  private final AtomicLong tokensMinted = new AtomicLong();

  @Override
  public void onCall(Operation operation, int status, long latencyMillis) {
    calls.computeIfAbsent(key(operation, status), k -> new LongAdder()).increment();
    if (status == 429) {
      throttled429.increment();
    }
  }

  @Override
  public void onRetry(Operation operation, int status, int attempt, long sleepMillis) {
    retries.increment();
    sleptMillis.add(sleepMillis);
  }

  @Override
  public void onTokenMinted() {
    tokensMinted.incrementAndGet();
  }

  @Override
  public void onFailure(Operation operation, ErrorClass errorClass, int status) {
    failures.computeIfAbsent(errorClass, k -> new LongAdder()).increment();
  }

  private static String key(Operation operation, int status) {
    return operation + " " + status;
  }

  /** Calls with this operation and status (0 = I/O error). */
  public long calls(Operation operation, int status) {
    LongAdder a = calls.get(key(operation, status));
    return a == null ? 0 : a.sum();
  }

  /** Calls with this operation, any status. */
  public long calls(Operation operation) {
    String prefix = operation + " ";
    return calls.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** All HTTP exchanges (token calls included). */
  public long totalCalls() {
    return calls.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** A sorted snapshot "OPERATION status" → count. */
  public Map<String, Long> callsSnapshot() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long retries() {
    return retries.sum();
  }

  public long throttled429() {
    return throttled429.sum();
  }

  public long sleptMillis() {
    return sleptMillis.sum();
  }

  public long tokensMinted() {
    return tokensMinted.get();
  }

  public long failures(ErrorClass errorClass) {
    LongAdder a = failures.get(errorClass);
    return a == null ? 0 : a.sum();
  }

  @Override
  public String toString() {
    return "CallCounters{calls="
        + callsSnapshot()
        + ", retries="
        + retries()
        + ", throttled429="
        + throttled429()
        + ", sleptMillis="
        + sleptMillis()
        + ", tokensMinted="
        + tokensMinted()
        + "}";
  }
}
