package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example data's profile table, shaped like Actito's sample (technical attributes listed,
 * emailAddress and lastName mandatory, emailAddress unique): what a profile creation must carry.
 */
class RealisticProfileTableTest {
  static final String PROFILES = "/profiles/v4/entity/demo/table/customers/profile";
  static ActitoEmulator emu;
  static TestSupport.Api api;

  @BeforeAll
  static void start() throws IOException {
    emu = ActitoEmulator.builder().data(Files.readString(Path.of("examples/demo-data.json"))).start();
    api = new TestSupport.Api(emu);
    var r = api.token("secret-key-1");
    assertEquals(200, r.statusCode(), r.body());
    api.token = TestSupport.json(r).get("accessToken").asText();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.admin().reset();
  }

  @Test
  void theStructureShowsTheTechnicalAttributesAndTheMandatoryOnes() {
    JsonNode table = TestSupport.json(api.get("/profile-table-structure/v5/entities/demo/profile-tables/customers"));
    Map<String, Boolean> mandatory = new java.util.TreeMap<>();
    table.get("attributes").forEach(a -> mandatory.put(a.get("name").asText(), a.path("mandatory").asBoolean()));
    assertTrue(mandatory.get("profileId") && mandatory.get("creationMoment") && mandatory.get("updateMoment"));
    assertTrue(mandatory.get("emailAddress") && mandatory.get("lastName"), mandatory.toString());
  }

  @Test
  void aCreationNeedsTheMandatoryAttributesAValidAndUnusedEmailAddress() {
    var missing = api.post(PROFILES + "?allowUpdate=false", attrs("customerId", 7, "emailAddress", "g@example.com"));
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("lastName"), missing.body());

    var badEmail = api.post(PROFILES + "?allowUpdate=false",
        attrs("customerId", 7, "emailAddress", "not-an-email", "lastName", "Seven"));
    assertEquals(400, badEmail.statusCode());
    assertTrue(badEmail.body().contains("emailAddress"), badEmail.body());

    var created = api.post(PROFILES + "?allowUpdate=false",
        attrs("customerId", 7, "emailAddress", "g@example.com", "lastName", "Seven"));
    assertEquals(200, created.statusCode(), created.body());

    var taken = api.post(PROFILES + "?allowUpdate=false",
        attrs("customerId", 8, "emailAddress", "g@example.com", "lastName", "Eight"));
    assertEquals(400, taken.statusCode(), taken.body());
    assertTrue(taken.body().contains("already used by profile"), taken.body());
    assertEquals(List.of(7L), emu.admin().profiles("demo", "customers").stream()
        .map(p -> ((Number) p.get("customerId")).longValue()).toList());

    // the same profile again (all unique values agree): it exists, 409, left untouched
    assertEquals(409, api.post(PROFILES + "?allowUpdate=false",
        attrs("customerId", 7, "emailAddress", "g@example.com", "lastName", "Other")).statusCode());
    assertEquals("Seven", emu.admin().profiles("demo", "customers").get(0).get("lastName"));
  }
}
