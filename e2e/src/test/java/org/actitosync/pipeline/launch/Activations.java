package org.actitosync.pipeline.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.limits.RateMode;
import org.actitosync.pipeline.source.Postgres;
import org.actitosync.write.CallBudget;
import org.actitosync.write.Pacing;

/**
 * End-to-end fixture: an orders segment in a real (embedded) PostgreSQL, the Actito emulator over
 * HTTP, a snapshot folder, and the launcher run in-process on the DirectRunner as a user would run
 * it from the command line.
 */
final class Activations implements AutoCloseable {
  static final String KEY = "e2e-key-7c1d";
  static final String COLUMNS = "order_id text, customer_id bigint, amount numeric(12,2), status text";
  final ActitoEmulator emulator;
  final Path dir;
  final String table;
  final String name;
  /** Extra lines of the config's warnings section, e.g. {@code "rejectedRows: {critical: 2}"}. */
  final List<String> warnings = new ArrayList<>();
  /** Lines of the config's profiles section, e.g. {@code "insertMissing: on"}; none by default. */
  final List<String> profiles = new ArrayList<>();
  /** Extra lines of the config's write section, e.g. {@code "strategy: BULK"}. */
  final List<String> write = new ArrayList<>();

  /** The budget the writer is paced with (calls a minute, real time); {@link #TEST_CALLS_PER_MINUTE} by default. */
  double callsPerMinute = TEST_CALLS_PER_MINUTE;

  Activations(Path dir, String name) throws IOException {
    this(dir, name, data(), COLUMNS);
  }

  /** Another Actito data file ({@link #KEY} must be one of its keys) and source table columns. */
  Activations(Path dir, String name, String emulatorData, String columns) throws IOException {
    this(dir, name, emulatorData, columns, UnaryOperator.identity());
  }

  /** As above, with the emulator's builder (per-minute limit off) adjusted by {@code emulatorSettings}. */
  Activations(Path dir, String name, String emulatorData, String columns,
      UnaryOperator<ActitoEmulator.Builder> emulatorSettings) throws IOException {
    this.dir = dir;
    this.name = name;
    this.table = "seg_" + name.replace('-', '_');
    this.emulator = emulatorSettings.apply(
        ActitoEmulator.builder().data(emulatorData).port(0).rateMode(RateMode.OFF)).start();
    Files.writeString(dir.resolve("api.key"), KEY);
    try {
      Postgres.execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (" + columns + ")");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String data() {
    return "{\"entities\":[{\"id\":1,\"name\":\"demo\"}],"
        + "\"apiKeys\":[{\"key\":\"" + KEY + "\",\"entities\":[\"demo\"]}],"
        + "\"limits\":{\"rateMode\":\"OFF\",\"importProcessingDelayMillis\":10},"
        + "\"profileTables\":[{\"entity\":\"demo\",\"id\":\"16\",\"name\":\"customers\","
        + "\"attributes\":[{\"name\":\"customerId\",\"valueType\":\"LONG\",\"unique\":true,\"mandatory\":true}],"
        + "\"profiles\":[{\"customerId\":1},{\"customerId\":2}]}],"
        + "\"customTables\":[{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-000000000001\",\"name\":\"orders\","
        + "\"primaryKeyAttribute\":\"orderId\",\"attributes\":["
        + "{\"name\":\"orderId\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true,\"valueRestriction\":{\"maxLength\":24}},"
        + "{\"name\":\"customerId\",\"valueType\":\"LONG\"},{\"name\":\"amount\",\"valueType\":\"NUMBER\"},"
        + "{\"name\":\"status\",\"valueType\":\"STRING\",\"valueRestriction\":{\"acceptedValues\":[\"NEW\",\"PAID\",\"CANCELLED\"]}}],"
        + "\"foreignKeys\":[{\"name\":\"fk_customer\",\"attribute\":\"customerId\","
        + "\"reference\":{\"tableType\":\"PROFILE_TABLE\",\"tableId\":\"16\",\"attribute\":\"customerId\"},\"onDelete\":\"CASCADE\"}],"
        + "\"records\":[{\"orderId\":\"o-1\",\"customerId\":1,\"amount\":10.5,\"status\":\"NEW\"}]},"
        + "{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-000000000002\",\"name\":\"returns\","
        + "\"primaryKeyAttribute\":\"returnId\",\"attributes\":["
        + "{\"name\":\"returnId\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true}]}],"
        + "\"etls\":[" + etl("123456", "orders", "CREATE_UPDATE") + ","
        + etl("654321", "orders", "CREATE_ONLY") + "," + etl("777", "returns", "CREATE_UPDATE") + "]}";
  }

  /** A seeded v5 ETL writing {@code table} with {@code mode}. */
  private static String etl(String id, String table, String mode) {
    return "{\"entity\":\"demo\",\"id\":\"" + id + "\",\"name\":\"orders-" + id + "\","
        + "\"table\":{\"type\":\"CUSTOM_TABLE\",\"name\":\"" + table + "\"},\"mode\":\"" + mode + "\","
        + "\"format\":{\"separator\":\";\",\"encoding\":\"UTF-8\"}}";
  }

  /** The activation's YAML for {@code mode}, with extra mapping lines if any. */
  Path config(String mode, String... extraMapping) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("name: ").append(name).append('\n')
        .append("source:\n  jdbc:\n    url: ").append(Postgres.url()).append('\n')
        .append("    query: SELECT * FROM ").append(table).append('\n')
        .append("key: order_id\nmapping:\n")
        .append("  - {column: order_id, attribute: orderId}\n")
        .append("  - {column: customer_id, attribute: customerId}\n")
        .append("  - {column: amount, attribute: amount}\n")
        .append("  - {column: status, attribute: status}\n");
    for (String line : extraMapping) {
      yaml.append("  - ").append(line).append('\n');
    }
    yaml.append("mode: ").append(mode).append('\n')
        .append("target:\n  baseUrl: ").append(emulator.baseUrl()).append('\n')
        .append("  entity: demo\n  table: orders\n  apiKeyFile: ").append(dir.resolve("api.key")).append('\n')
        .append("snapshot:\n  root: ").append(dir.resolve("snapshots")).append('\n');
    if (!profiles.isEmpty()) {
      yaml.append("profiles:\n");
      profiles.forEach(line -> yaml.append("  ").append(line).append('\n'));
    }
    yaml
        // small fixtures delete a large share of their rows on purpose
        .append("warnings:\n  maxDeleteShare: 0.5\n");
    warnings.forEach(line -> yaml.append("  ").append(line).append('\n'));
    if (!write.isEmpty()) {
      yaml.append("write:\n");
      write.forEach(line -> yaml.append("  ").append(line).append('\n'));
    }
    Path file = dir.resolve(name + "-" + mode + ".yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  void sql(String... statements) {
    try {
      Postgres.execute(statements);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Beam options of a run on the DirectRunner exactly as the direct jar runs it (Beam's defaults:
   * immutability and encodability enforced), not blocking in {@code run()}, so the launcher can
   * print progress while it runs.
   */
  static final List<String> DIRECT_ENFORCING = List.of("--runner=DirectRunner", "--targetParallelism=2",
      "--blockOnRun=false");
  /**
   * Beam options of a run on the DirectRunner as the direct jar runs it ({@link #DIRECT_ENFORCING}),
   * without the DirectRunner's immutability enforcement: the default of {@link #launch}.
   *
   * <p>Why: the enforcement walks the whole pipeline graph once per bundle, and after a grouping the
   * DirectRunner makes one bundle per key, so it costs keys × graph size. Measured on {@code
   * ModesEndToEndTest} (JFR, 2026-11-29): 42 % of the test JVM's samples were that walk; without
   * it the class's Maven run took 81 instead of 104 CPU seconds (user + sys, Maven's own included). What it checks (no DoFn mutates its input or
   * output after emitting it) is checked where each DoFn is tested, in the transforms' {@code
   * TestPipeline} tests, on the direct jar ({@code DirectJarIT}), and by the launcher tests that
   * run with {@link #DIRECT_ENFORCING}: a real run with rejected rows and a dry run.
   */
  static final List<String> DIRECT =
      Stream.concat(DIRECT_ENFORCING.stream(), Stream.of("--enforceImmutability=false")).toList();
  /** Beam options of a run on an embedded Flink cluster in this JVM. */
  static final List<String> FLINK = List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");

  /**
   * The call budget the writer is paced with in these tests: 6,000 calls a minute (10 ms apart)
   * instead of the configured one (Actito's ~100), so a run does not wait on the real budget. The
   * emulator's per-minute limit is off ({@link RateMode#OFF}); its concurrency limit stays. The
   * strategy choice (RECORDS or BULK, estimated durations) still uses the configured budget. Pacing
   * is proven where it is the point, from the emulator's counters: {@link PacingEndToEndTest} (the
   * emulator's clock sped up to match the budget), the runners' cluster test; and by the writer's
   * pacing test (fake clock).
   */
  static final double TEST_CALLS_PER_MINUTE = 6_000;

  /** The writer's budget at {@code callsPerMinute}, whatever the configuration says (real time). */
  static Pacing pacedAt(double callsPerMinute) {
    return (configured, before) -> new CallBudget(callsPerMinute, System::currentTimeMillis, Thread::sleep, before);
  }

  /** Runs the launcher on the DirectRunner ({@link #DIRECT}); returns the exit code and keeps what it printed. */
  Result launch(String... args) {
    return launchOn(DIRECT, args);
  }

  /**
   * Runs the launcher with {@code runner}'s Beam options; returns the exit code and keeps what it
   * printed. No progress lines unless {@code args} give {@code --progressSeconds}.
   */
  Result launchOn(List<String> runner, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(runner);
    if (all.stream().noneMatch(arg -> arg.startsWith("--progressSeconds="))) {
      all.add("--progressSeconds=0");
    }
    long started = System.nanoTime();
    int code = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), pacedAt(callsPerMinute))
        .run(all.toArray(new String[0]));
    Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.printf("%s: launch %s took %d ms (exit %d, %s)%n", name, String.join(" ", args),
        (System.nanoTime() - started) / 1_000_000, code, throttled(result));
    return result;
  }

  /** The writer's waits on the budget, from the run's report (summed over shards), for the timing line. */
  private static String throttled(Result run) {
    return run.out().lines().filter(l -> l.startsWith("report: ")).findFirst().map(line -> {
      try {
        return "throttled " + ActivationEndToEndTest.report(null, run).path("api").path("throttledMillis").asLong() + " ms";
      } catch (Exception e) {
        return "no report: " + e.getMessage();
      }
    }).orElse("no report");
  }

  /** The emulator's table: orderId → amount as plain text (status appended when asked). */
  Map<String, String> amounts() {
    Map<String, String> amounts = new TreeMap<>();
    for (Map<String, Object> record : emulator.admin().records("demo", "orders")) {
      amounts.put((String) record.get("orderId"), new java.math.BigDecimal(String.valueOf(record.get("amount")))
          .stripTrailingZeros().toPlainString());
    }
    return amounts;
  }

  /** Write calls (records and ETL executions) the emulator has served so far. */
  long writeCalls() {
    long calls = 0;
    for (Map.Entry<String, Long> e : emulator.admin().stats().byRoute().entrySet()) {
      String route = e.getKey();
      if (route.startsWith("POST /record") || route.startsWith("PUT /record")
          || route.startsWith("DELETE /record") || route.startsWith("POST /etl")) {
        calls += e.getValue();
      }
    }
    return calls;
  }

  String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }

  record Result(int code, String out, String err) {}
}
