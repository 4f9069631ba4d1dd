package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.RouteSet;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --check} through the real launcher against the emulator over HTTP: read-only calls only, one
 * line per call, the documented exit codes. The segment's database URL points at a closed port and
 * the snapshot root does not exist, so a check that touched either would fail.
 */
class ConnectionCheckEndToEndTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Path config(ActitoEmulator emulator, String table, String extra) throws IOException {
    Files.writeString(dir.resolve("api.key"), Activations.KEY);
    String yaml = "name: check-e2e\n"
        + "source:\n  jdbc:\n    url: jdbc:postgresql://127.0.0.1:1/nowhere\n    query: SELECT 1\n"
        + "key: order_id\nmapping:\n  - {column: order_id, attribute: orderId, type: STRING}\n"
        + "  - {column: customer_id, attribute: customerId, type: LONG}\n"
        + "mode: UPSERT\n"
        + "target:\n  baseUrl: " + emulator.baseUrl() + "\n  entity: demo\n  table: " + table + "\n"
        + "  apiKeyFile: " + dir.resolve("api.key") + "\n"
        + "profiles:\n  insertMissing: on\n  table: customers\n  linkAttribute: customerId\n"
        + "  profileAttribute: customerId\n"
        + "snapshot:\n  root: " + dir.resolve("snapshots") + "\n" + extra;
    Path file = dir.resolve("check.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static Run check(Path config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new String[] {"--config=" + config, "--check"});
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static ActitoEmulator.Builder emulator() {
    return ActitoEmulator.builder().data(Activations.data()).port(0).rateMode(RateMode.OFF);
  }

  private void assertReadOnly(ActitoEmulator emulator) {
    for (Map.Entry<String, Long> route : emulator.admin().stats().byRoute().entrySet()) {
      assertTrue(route.getKey().startsWith("GET "), "a check wrote: " + route);
    }
    assertFalse(Files.exists(dir.resolve("snapshots")), "a check touched the snapshot root");
  }

  @Test
  void everythingAnswersAsExpectedOnTodaysActito() throws IOException {
    try (ActitoEmulator emulator = emulator().start()) {
      Run run = check(config(emulator, "orders", ""));
      assertEquals(0, run.code(), run.out() + run.err());
      String[] lines = run.out().strip().split("\n");
      assertEquals(5, lines.length, run.out());
      assertEquals("check: GET /auth/token -> 200 OK: Actito accepted the key", lines[0]);
      assertTrue(lines[1].startsWith(
          "check: GET /custom-table-structure/v5/entities/demo/custom-tables/orders -> 200 OK: custom table"
              + " 'orders' found (primary key orderId)"), lines[1]);
      assertTrue(lines[2].startsWith(
          "check: GET /profile-table-structure/v5/entities/demo/profile-tables/customers -> 200 OK"), lines[2]);
      assertTrue(lines[3].matches("check: GET /custom-data/v4/entity/demo/customTable/orders/record/"
          + "actito-sync-check-[-0-9a-f]+ -> 404 OK: .*"), lines[3]);
      assertTrue(lines[4].startsWith("check: OK: all 4 calls"), lines[4]);
      assertReadOnly(emulator);
    }
  }

  @Test
  void aRefusedKeyExitsThreeAndStopsAfterTheToken() throws IOException {
    try (ActitoEmulator emulator = emulator().start()) {
      Path config = config(emulator, "orders", "");
      Files.writeString(dir.resolve("api.key"), "not-the-key-5e1f");
      Run run = check(config);
      assertEquals(3, run.code(), run.out() + run.err());
      assertTrue(run.out().startsWith("check: GET /auth/token -> 401 AUTH: 401: Actito refused the key"),
          run.out());
      assertEquals(1, run.out().strip().split("\n").length, run.out());
      assertTrue(run.err().contains("1 problem"), run.err());
      assertFalse((run.out() + run.err()).contains("not-the-key-5e1f"), "the key leaked");
      assertReadOnly(emulator);
    }
  }

  @Test
  void anEnvironmentWithOnlyTheRetiredRoutesGetsThePathStyleAdvice() throws IOException {
    try (ActitoEmulator emulator = emulator().routes(RouteSet.LEGACY).start()) {
      Run run = check(config(emulator, "orders", ""));
      assertEquals(2, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("check: GET /custom-table-structure/v5/entities/demo/custom-tables/orders"
          + " -> 404 FAIL: 404 on the route: this environment may need target.pathStyle CLASSIC"), run.out());
      assertReadOnly(emulator);

      Run classic = check(config(emulator, "orders", "").getParent().resolve(
          Files.writeString(dir.resolve("classic.yaml"), Files.readString(dir.resolve("check.yaml"))
              .replace("  entity: demo\n", "  entity: demo\n  pathStyle: CLASSIC\n")).getFileName()));
      assertEquals(0, classic.code(), classic.out() + classic.err());
      assertTrue(classic.out().contains("check: GET /v5/entities/demo/custom-tables/orders -> 200 OK"), classic.out());
    }
  }

  @Test
  void theEtlIsCheckedWhenConfigured() throws IOException {
    try (ActitoEmulator emulator = emulator().start()) {
      String seeded = "123456"; // Activations.data() seeds it for orders
      Run ok = check(config(emulator, "orders", "write:\n  bulk: {etlId: \"" + seeded + "\"}\n"));
      assertEquals(0, ok.code(), ok.out() + ok.err());
      assertTrue(ok.out().contains("check: GET /mass-imports/v5/entities/demo/etls/" + seeded + " -> 200 OK: ETL "
          + seeded + " found"), ok.out());
      Run missing = check(config(emulator, "orders", "write:\n  bulk: {etlId: \"424242\"}\n"));
      assertEquals(2, missing.code(), missing.out() + missing.err());
      assertTrue(missing.out().contains("-> 404 FAIL: 404: entity 'demo' has no ETL 424242: check write.bulk.etlId"),
          missing.out());
      assertReadOnly(emulator);
    }
  }

  @Test
  void aWrongTableIsNamedWithTheTablesTheEntityHas() throws IOException {
    try (ActitoEmulator emulator = emulator().start()) {
      Run run = check(config(emulator, "ordres", ""));
      assertEquals(2, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("-> 404 FAIL: 404: entity 'demo' has no custom table 'ordres' (it has: orders, returns):"
          + " check target.table"), run.out());
      assertFalse(run.out().contains("/record/"), "a record probe of a missing table proves nothing: " + run.out());
      assertReadOnly(emulator);
    }
  }
}
