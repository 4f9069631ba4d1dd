package org.actitosync.actito;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.CsvImportFiles;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.actito.retry.RetryPolicy;
import org.actitosync.actito.structure.AttributeDefinition;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.RouteSet;
import org.actitosync.emulator.faults.FaultSettings;

/**
 * A full client run (every operation, failures, retries, token expiry, revoked key, 403), run in a
 * child JVM by {@link SecretLeakTest} with the client logging at DEBUG. Prints every result,
 * exception message, toString and stack trace to stdout; writes the secrets it used (API keys and
 * every access token seen) to the file named by {@code args[0]}, one per line.
 */
public final class LeakScenario {
  private static final PrintStream OUT = System.out;
  private static final Set<String> SECRETS = new LinkedHashSet<>();
  private static ActitoClient current;

  private LeakScenario() {}

  public static void main(String[] args) throws Exception {
    SECRETS.add(EmulatorFixture.KEY);
    SECRETS.add(EmulatorFixture.REVOCABLE_KEY);
    SECRETS.add(EmulatorFixture.OTHER_ENTITY_KEY);
    try (ActitoEmulator emu = EmulatorFixture.start(RouteSet.BOTH)) {
      RetryPolicy policy = RetryPolicy.builder().setMaxAttempts(3).build();
      ActitoClientConfig config = EmulatorFixture.config(emu, EmulatorFixture.KEY)
          .setRetryPolicy(policy).build();
      ActitoClient c = ActitoClient.builder(config).sleeper(new RecordingSleeper(null, 5)).build();
      current = c;
      print("config", config);
      print("client", c);
      Map<String, Object> order = new LinkedHashMap<>();
      order.put("orderId", "leak 1/é=+");
      order.put("status", "NEW");
      order.put("amount", 1.5);
      step("upsert", () -> c.records().upsert("orders", order));
      step("update", () -> c.records().update("orders", "leak 1/é=+", Map.of("note", "n")));
      step("update missing", () -> c.records().update("orders", "missing", Map.of("note", "n")));
      step("create-only", () -> c.records().createOnly("orders", "leak-2", Map.of("orderId", "leak-2", "status", "NEW")));
      step("get", () -> c.records().get("orders", "leak 1/é=+"));
      step("bad value", () -> c.records().upsert("orders", Map.of("orderId", "x", "status", "nope")));
      step("unknown table", () -> c.records().get("no-table", "x"));
      step("structure", () -> c.structure().customTable("orders"));
      step("profile table", () -> c.structure().profileTable("customers"));
      step("add attribute", () -> c.structure().addAttribute("orders",
          AttributeDefinition.builder("leakAttr", "STRING").build()));
      step("add attribute again", () -> c.structure().addAttribute("orders",
          AttributeDefinition.builder("leakAttr", "STRING").build()));
      step("profile lookup", () -> c.profiles().findByUniqueAttribute("customers", "emailAddress", "one@example.com"));
      step("profile upsert", () -> c.profiles().upsert("customers",
          Map.of("customerId", 5, "emailAddress", "five@example.com"), true));
      step("profile exists", () -> c.profiles().upsert("customers",
          Map.of("customerId", 5, "emailAddress", "five@example.com"), false));
      ImportFile file = CsvImportFiles.build(List.of("orderId", "status"),
          List.of(Map.of("orderId", "i-1", "status", "NEW"), Map.of("orderId", "i-2", "status", "BAD")),
          CsvFormat.defaults(), config.importCompression(), config.maxImportBytes());
      String definition = EtlDefinitionTemplate.defaults().render(EtlDefinitionTemplate.values(
          "orders", "CREATE_UPDATE", List.of("orderId", "status"), file, List.of()));
      step("etl one-shot", () -> {
        var execution = c.etl().await(c.etl().oneShot(file, definition));
        return c.etl().errorReport(execution);
      });

      emu.admin().faults(FaultSettings.builder(5).errorRate(1.0, 503).errorRetryAfterSeconds(1)
          .routes("POST /record").build());
      step("503 with Retry-After", () -> c.records().upsert("orders", order));
      emu.admin().faults(FaultSettings.builder(6).errorRate(1.0, 429).routes("DELETE /record/{key}").build());
      step("429", () -> c.records().delete("orders", "leak-2"));
      emu.admin().faults(FaultSettings.builder(7).resetRate(1.0).routes("GET /record/{key}").build());
      step("resets", () -> c.records().get("orders", "leak-2"));
      emu.admin().faults(FaultSettings.builder(8).errorRate(1.0, 500).routes("POST /etl-executions").build());
      step("etl 500 not replayed", () -> c.etl().oneShot(file, definition));
      emu.admin().clearFaults();

      emu.admin().expireTokens();
      step("after token expiry", () -> c.records().delete("orders", "leak-2"));
      step("delete again", () -> c.records().delete("orders", "leak-2"));

      ActitoClient revocable = ActitoClient.builder(EmulatorFixture.config(emu, EmulatorFixture.REVOCABLE_KEY)
          .build()).sleeper(new RecordingSleeper(null)).build();
      current = revocable;
      step("revocable ok", () -> revocable.records().get("orders", "o-1"));
      emu.admin().revokeKey(EmulatorFixture.REVOCABLE_KEY);
      step("revoked", () -> revocable.records().get("orders", "o-1"));
      step("revoked preflight", () -> {
        revocable.checkAuthentication();
        return "ok";
      });

      ActitoClient other = ActitoClient.builder(EmulatorFixture.config(emu, EmulatorFixture.OTHER_ENTITY_KEY)
          .build()).sleeper(new RecordingSleeper(null)).build();
      current = other;
      step("403", () -> other.records().get("orders", "o-1"));
      print("counters", c.counters());
      print("counters other", other.counters());
    }
    Files.write(Path.of(args[0]), SECRETS, StandardCharsets.UTF_8);
    OUT.println("SCENARIO DONE");
  }

  private static void step(String name, Supplier<Object> action) {
    try {
      print(name, action.get());
    } catch (RuntimeException e) {
      OUT.println("[" + name + "] threw " + e);
      OUT.println("[" + name + "] message " + e.getMessage());
      e.printStackTrace(OUT);
      // and once more through stderr, as an uncaught exception would be
      e.printStackTrace();
    }
    String token = current.currentTokenForLeakTests();
    if (token != null) {
      SECRETS.add(token);
    }
  }

  private static void print(String name, Object value) {
    OUT.println("[" + name + "] " + value);
  }
}
