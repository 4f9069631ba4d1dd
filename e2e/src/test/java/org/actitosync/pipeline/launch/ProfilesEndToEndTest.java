package org.actitosync.pipeline.launch;

import static org.actitosync.pipeline.launch.ActivationEndToEndTest.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Insert missing profiles" with a realistic profile table (emailAddress and lastName mandatory,
 * emailAddress unique), profile attributes from segment columns: real PostgreSQL, the launcher,
 * the emulator over HTTP.
 */
class ProfilesEndToEndTest {
  static final String COLUMNS =
      "order_id text, customer_id bigint, amount numeric(12,2), status text, email text, last_name text";

  @TempDir Path dir;

  /** Actito's sample profile table shape: technical attributes, emailAddress and lastName mandatory. */
  static String data() {
    return Activations.data().replace(
        "\"attributes\":[{\"name\":\"customerId\",\"valueType\":\"LONG\",\"unique\":true,\"mandatory\":true}],"
            + "\"profiles\":[{\"customerId\":1},{\"customerId\":2}]}]",
        "\"attributes\":[{\"name\":\"profileId\",\"type\":\"CUSTOM\",\"valueType\":\"INTEGER\",\"unique\":true,\"mandatory\":true},"
            + "{\"name\":\"creationMoment\",\"type\":\"CUSTOM\",\"valueType\":\"TIMESTAMP\",\"mandatory\":true},"
            + "{\"name\":\"updateMoment\",\"type\":\"CUSTOM\",\"valueType\":\"TIMESTAMP\",\"mandatory\":true},"
            + "{\"name\":\"customerId\",\"type\":\"CUSTOM\",\"valueType\":\"INTEGER\",\"unique\":true,\"mandatory\":true},"
            + "{\"name\":\"emailAddress\",\"type\":\"EMAIL_ADDRESS\",\"unique\":true,\"mandatory\":true},"
            + "{\"name\":\"lastName\",\"type\":\"LASTNAME\",\"mandatory\":true}],"
            + "\"profiles\":[{\"customerId\":1,\"emailAddress\":\"one@example.com\",\"lastName\":\"One\"},"
            + "{\"customerId\":2,\"emailAddress\":\"two@example.com\",\"lastName\":\"Two\"}]}]");
  }

  static Activations activation(Path dir, String name, String... attributes) throws Exception {
    Activations a = new Activations(dir, name, data(), COLUMNS);
    a.profiles.addAll(List.of("insertMissing: on", "table: customers", "linkAttribute: customerId",
        "profileAttribute: customerId", "attributes:"));
    for (String attribute : attributes) {
      a.profiles.add("  " + attribute);
    }
    return a;
  }

  static Map<Long, Map<String, Object>> profiles(Activations a) {
    Map<Long, Map<String, Object>> byCustomer = new TreeMap<>();
    a.emulator.admin().profiles("demo", "customers")
        .forEach(p -> byCustomer.put(((Number) p.get("customerId")).longValue(), p));
    return byCustomer;
  }

  /** Calls that read or write records or profiles (not the token nor the preflight's structure reads). */
  static long dataCalls(Activations a) {
    return a.emulator.admin().stats().byRoute().entrySet().stream()
        .filter(e -> e.getKey().contains("/record") || e.getKey().contains("/profile/") || e.getKey().endsWith("/profile")
            || e.getKey().contains("etl") || e.getKey().contains("import"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Test
  void aMandatoryProfileAttributeMissingFromTheConfigStopsBeforeAnyDataMoves() throws Exception {
    try (Activations a = activation(dir, "prof-missing", "emailAddress: {column: email}")) {
      a.sql("INSERT INTO " + a.table + " VALUES ('m1',3,10,'NEW','three@example.com','Three')");
      Activations.Result result = a.launch("--config=" + a.config("UPSERT"));
      assertEquals(ExitCode.CONFIG_ERROR.code(), result.code(), result.out() + result.err());
      assertTrue(result.err().contains("profiles.attributes: mandatory attribute 'lastName' of profile table"
          + " 'customers' is not provided"), result.err());
      assertFalse(result.err().contains("'profileId'") || result.err().contains("'creationMoment'"), result.err());
      assertEquals(0, dataCalls(a), a.emulator.admin().stats().byRoute().toString());
      assertFalse(Files.exists(dir.resolve("snapshots/prof-missing/CURRENT")));
    }
  }

  @Test
  void newCustomersGetProfilesFromSegmentColumnsAndAProfileOnlyChangeSendsNothing() throws Exception {
    try (Activations a = activation(dir, "prof-new", "emailAddress: {column: email}", "lastName: {column: last_name}")) {
      a.sql("INSERT INTO " + a.table + " VALUES"
          + " ('n1',1,10,'NEW','one@example.com','One'),"
          + " ('n2',3,20,'PAID','three@example.com','Three'),"
          + " ('n3',3,30,'NEW','three@example.com','Three'),"
          + " ('n4',4,40,'NEW','four@example.com','Four')");
      Path config = a.config("UPSERT");

      // the plan lists the profiles the run would create, with their attributes; nothing is written
      Activations.Result dry = a.launch("--config=" + config, "--dryRun", "--runId=plan-1");
      assertEquals(0, dry.code(), dry.out() + dry.err());
      List<String> planned = lines(dir.resolve("snapshots/prof-new/runs/plan-1/plan"), "profiles").stream()
          .map(JsonNode::toString).sorted().collect(Collectors.toList());
      assertEquals(List.of(
          "{\"profileTable\":\"customers\",\"profileAttribute\":\"customerId\",\"value\":\"3\",\"attributes\":"
              + "{\"customerId\":3,\"emailAddress\":\"three@example.com\",\"lastName\":\"Three\"}}",
          "{\"profileTable\":\"customers\",\"profileAttribute\":\"customerId\",\"value\":\"4\",\"attributes\":"
              + "{\"customerId\":4,\"emailAddress\":\"four@example.com\",\"lastName\":\"Four\"}}"), planned);
      assertEquals(0, a.emulator.admin().stats().route("POST /profile"));
      assertEquals(2, profiles(a).size());
      JsonNode planReport = ActivationEndToEndTest.JSON.readTree(
          dir.resolve("snapshots/prof-new/runs/plan-1/plan/report.json").toFile());
      assertEquals("RECORDS", planReport.path("profileStrategy").path("strategy").asText(), planReport.toString());
      assertEquals(6, planReport.path("profileStrategy").path("estimatedCalls").asLong(), "3 profiles: a lookup and a create each");

      Activations.Result first = a.launch("--config=" + config);
      assertEquals(0, first.code(), first.out() + first.err());
      Map<Long, Map<String, Object>> profiles = profiles(a);
      assertEquals(List.of(1L, 2L, 3L, 4L), List.copyOf(profiles.keySet()));
      assertEquals("three@example.com", profiles.get(3L).get("emailAddress"));
      assertEquals("Three", profiles.get(3L).get("lastName"));
      assertEquals("four@example.com", profiles.get(4L).get("emailAddress"));
      assertEquals(2, a.emulator.admin().stats().route("POST /profile"), "one creation per new customer");
      assertEquals(Map.of("o-1", "10.5", "n1", "10", "n2", "20", "n3", "30", "n4", "40"), a.amounts());
      // no custom-table attribute came from the profile-only columns
      a.emulator.admin().records("demo", "orders").forEach(r -> assertFalse(r.containsKey("email"), r.toString()));

      long calls = dataCalls(a);
      Activations.Result second = a.launch("--config=" + config);
      assertEquals(0, second.code(), second.out() + second.err());
      assertEquals(calls, dataCalls(a), "the second run sends nothing");

      // an existing customer's e-mail and name change in the segment: no call at all
      a.sql("UPDATE " + a.table + " SET email = 'new-three@example.com', last_name = 'Trois' WHERE customer_id = 3");
      Activations.Result third = a.launch("--config=" + config);
      assertEquals(0, third.code(), third.out() + third.err());
      assertEquals(calls, dataCalls(a), a.emulator.admin().stats().byRoute().toString());
      assertEquals("three@example.com", profiles(a).get(3L).get("emailAddress"), "existing profiles are never modified");
    }
  }

  @Test
  void aProfileActitoRefusesIsTheReasonOfItsRowsWhichAreRetriedNextRun() throws Exception {
    try (Activations a = activation(dir, "prof-refused", "emailAddress: {column: email}", "lastName: {column: last_name}")) {
      a.sql("INSERT INTO " + a.table + " VALUES"
          + " ('r1',5,10,'NEW','not-an-email','Five'),"
          + " ('r2',6,20,'NEW','one@example.com','Six'),"   // the e-mail of profile 1 (unique)
          + " ('r3',7,30,'NEW','seven@example.com','Seven')");
      Path config = a.config("UPSERT");
      Activations.Result first = a.launch("--config=" + config, "--runId=run-1");
      assertEquals(ExitCode.REJECTED_ROWS.code(), first.code(), first.out() + first.err());
      Map<String, JsonNode> dead = deadLetters(dir.resolve("snapshots/prof-refused/runs/run-1/rejected"));
      assertEquals(List.of("r1", "r2"), List.copyOf(dead.keySet()));
      assertTrue(dead.get("r1").path("actitoMessage").asText().startsWith("profile customerId=5 could not be created: "),
          dead.get("r1").toString());
      assertTrue(dead.get("r1").path("actitoMessage").asText().contains("emailAddress"), dead.get("r1").toString());
      assertEquals("REJECTED", dead.get("r1").path("outcome").asText());
      assertEquals("not sent: the profile it references could not be created", dead.get("r1").path("reason").asText());
      assertEquals(0, dead.get("r1").path("attempts").asInt());
      assertTrue(dead.get("r2").path("actitoMessage").asText().startsWith("profile customerId=6 could not be created: "),
          dead.get("r2").toString());
      assertTrue(dead.get("r2").path("actitoMessage").asText().contains("already used by profile"), dead.get("r2").toString());
      assertEquals(Map.of("o-1", "10.5", "r3", "30"), a.amounts());
      assertEquals(3, a.emulator.admin().stats().route("POST /profile"));
      assertEquals(1, a.emulator.admin().stats().route("POST /record"), "no record call for r1 and r2");

      // retried next run: the same reason again
      Activations.Result second = a.launch("--config=" + config, "--runId=run-2");
      assertEquals(ExitCode.REJECTED_ROWS.code(), second.code(), second.out() + second.err());
      assertEquals(List.of("r1", "r2"),
          List.copyOf(deadLetters(dir.resolve("snapshots/prof-refused/runs/run-2/rejected")).keySet()));
      assertEquals(5, a.emulator.admin().stats().route("POST /profile"));

      // the warehouse fixes the data: the rows go through
      a.sql("UPDATE " + a.table + " SET email = 'five@example.com' WHERE customer_id = 5",
          "UPDATE " + a.table + " SET email = 'six@example.com' WHERE customer_id = 6");
      Activations.Result third = a.launch("--config=" + config, "--runId=run-3");
      assertEquals(0, third.code(), third.out() + third.err());
      assertEquals(Map.of("o-1", "10.5", "r1", "10", "r2", "20", "r3", "30"), a.amounts());
      assertEquals("six@example.com", profiles(a).get(6L).get("emailAddress"));
    }
  }

  @Test
  void twoThousandNewProfilesGoInBulkWithinTheCallBudget() throws Exception {
    try (Activations a = activation(dir, "prof-bulk", "emailAddress: {column: email}", "lastName: {column: last_name}")) {
      a.sql("INSERT INTO " + a.table + " SELECT 'v-' || i, 1000 + i, i, 'NEW', 'c' || (1000 + i) || '@example.com',"
          + " 'Name ' || i FROM generate_series(1, 2000) AS i");
      Path config = a.config("UPSERT");
      Activations.Result first = a.launchOn(Activations.FLINK, "--config=" + config, "--runId=bulk-1");
      assertEquals(0, first.code(), first.out() + first.err());

      Path run = dir.resolve("snapshots/prof-bulk/runs/bulk-1");
      JsonNode profileChoice = ActivationEndToEndTest.JSON.readTree(Files.readString(run.resolve("strategy-profiles.json")));
      assertEquals("BULK", profileChoice.path("strategy").asText(), profileChoice.toString());
      assertTrue(profileChoice.path("reason").asText().contains("bulk is faster"), profileChoice.toString());
      JsonNode recordChoice = ActivationEndToEndTest.JSON.readTree(Files.readString(run.resolve("strategy.json")));
      assertEquals("BULK", recordChoice.path("strategy").asText(), recordChoice.toString());
      JsonNode report = ActivationEndToEndTest.JSON.readTree(run.resolve("report.json").toFile());
      assertEquals("BULK", report.path("profileStrategy").path("strategy").asText(), report.toString());
      assertEquals(2000, report.path("api").path("profiles").path("bulk").asLong(), report.toString());

      // the budget: 2,000 profiles and 2,000 records in a handful of calls, none per profile
      Map<String, Long> routes = a.emulator.admin().stats().byRoute();
      assertEquals(0, a.emulator.admin().stats().route("POST /profile"), routes.toString());
      assertEquals(0, a.emulator.admin().stats().route("GET /profile/{key}"), routes.toString());
      assertEquals(2, a.emulator.admin().stats().route("POST /etl-executions"), routes.toString());
      long total = routes.values().stream().mapToLong(Long::longValue).sum();
      assertTrue(total <= 40, total + " calls: " + routes);
      // one token per writer step that called Actito (profiles, records in bulk) and the preflight's
      assertTrue(a.emulator.admin().stats().tokensMinted() <= 3,
          a.emulator.admin().stats().tokensMinted() + " tokens minted: " + routes);
      Map<Long, Map<String, Object>> profiles = profiles(a);
      assertEquals(2 + 2000, profiles.size());
      assertEquals("c1777@example.com", profiles.get(1777L).get("emailAddress"));
      assertEquals("Name 777", profiles.get(1777L).get("lastName"));
      assertEquals(2001, a.amounts().size());

      long calls = dataCalls(a);
      Activations.Result second = a.launchOn(Activations.FLINK, "--config=" + config, "--runId=bulk-2");
      assertEquals(0, second.code(), second.out() + second.err());
      assertEquals(calls, dataCalls(a), "the second run sends nothing");
    }
  }

  static Map<String, JsonNode> deadLetters(Path folder) throws Exception {
    Map<String, JsonNode> byKey = new TreeMap<>();
    for (JsonNode line : lines(folder, "part")) {
      byKey.put(line.path("key").asText(), line);
    }
    return byKey;
  }
}
