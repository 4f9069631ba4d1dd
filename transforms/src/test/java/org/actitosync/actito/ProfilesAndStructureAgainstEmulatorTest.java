package org.actitosync.actito;

import static org.actitosync.actito.EmulatorFixture.CUSTOMERS;
import static org.actitosync.actito.EmulatorFixture.KEY;
import static org.actitosync.actito.EmulatorFixture.ORDERS;
import static org.actitosync.actito.EmulatorFixture.ORDERS_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.profiles.Profile;
import org.actitosync.actito.profiles.ProfileWriteResult;
import org.actitosync.actito.structure.AttributeDefinition;
import org.actitosync.actito.structure.ChangeRequestResult;
import org.actitosync.actito.structure.TableStructure;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.model.ProfileGetShape;
import org.actitosync.emulator.RouteSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Structure and profile operations over real HTTP against the embedded emulator (serving both route
 * spellings, so every {@link PathStyle} runs against the same licence).
 */
class ProfilesAndStructureAgainstEmulatorTest {
  static ActitoEmulator emu;

  @BeforeAll
  static void start() {
    emu = EmulatorFixture.start(RouteSet.BOTH);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.admin().reset();
  }

  private static ActitoClient client(PathStyle style) {
    return EmulatorFixture.client(EmulatorFixture.config(emu, KEY).setPathStyle(style).build(),
        new RecordingSleeper(null));
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void customTableStructureByNameOrId(PathStyle style) {
    ActitoClient c = client(style);
    TableStructure byName = c.structure().customTable(ORDERS).orElseThrow();
    TableStructure byId = c.structure().customTable(ORDERS_ID).orElseThrow();
    assertEquals(byName, byId);
    assertEquals(ORDERS_ID, byName.id());
    assertEquals("orders", byName.name());
    assertEquals(Optional.of("orderId"), byName.primaryKeyAttribute());
    AttributeDefinition orderId = byName.attribute("orderId").orElseThrow();
    assertEquals(Optional.of("STRING"), orderId.valueType());
    assertTrue(orderId.mandatory());
    assertTrue(orderId.unique());
    assertEquals(64, orderId.maxLength().getAsInt());
    assertEquals(Optional.of("NUMBER"), byName.attribute("amount").orElseThrow().valueType());
    assertEquals(Optional.empty(), c.structure().customTable("nope"));
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void profileTableStructure(PathStyle style) {
    TableStructure t = client(style).structure().profileTable(CUSTOMERS).orElseThrow();
    assertEquals("16", t.id());
    assertTrue(t.attribute("emailAddress").orElseThrow().unique());
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void addAttribute(PathStyle style) {
    ActitoClient c = client(style);
    AttributeDefinition channel = AttributeDefinition.builder("channel", "STRING").setMaxLength(20).build();
    ChangeRequestResult cr = c.structure().addAttribute(ORDERS, channel);
    assertEquals("APPLIED", cr.status());
    assertFalse(cr.id().isEmpty());
    AttributeDefinition read = c.structure().customTable(ORDERS).orElseThrow().attribute("channel").orElseThrow();
    assertEquals(Optional.of("STRING"), read.valueType());
    assertEquals(20, read.maxLength().getAsInt());
    ActitoException again = assertThrows(ActitoException.class,
        () -> c.structure().addAttribute(ORDERS, channel));
    assertEquals(ErrorClass.PERMANENT, again.errorClass());
    assertEquals(400, again.status());
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void profileLookupByUniqueAttribute(PathStyle style) {
    ActitoClient c = client(style);
    Profile one = c.profiles().findByUniqueAttribute(CUSTOMERS, "emailAddress", "one@example.com").orElseThrow();
    assertEquals("One", one.attributes().get("lastName"));
    Profile plus = c.profiles().findByUniqueAttribute(CUSTOMERS, "emailAddress", "a+b@example.com").orElseThrow();
    assertEquals("Plus", plus.attributes().get("lastName"));
    assertTrue(plus.profileId().isPresent());
    assertEquals(plus.profileId(),
        c.profiles().findByUniqueAttribute(CUSTOMERS, "customerId", "2").orElseThrow().profileId());
    assertEquals(Optional.empty(),
        c.profiles().findByUniqueAttribute(CUSTOMERS, "emailAddress", "nobody@example.com"));
  }

  @ParameterizedTest
  @EnumSource(PathStyle.class)
  void profileCreateAndUpsert(PathStyle style) {
    ActitoClient c = client(style);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("customerId", 3);
    p.put("emailAddress", "three@example.com");
    p.put("lastName", "Three");
    ProfileWriteResult created = c.profiles().upsert(CUSTOMERS, p, false);
    assertEquals(ProfileWriteResult.Outcome.CREATED, created.outcome());
    assertTrue(created.profileId().isPresent());
    p.put("lastName", "Drei");
    assertEquals(ProfileWriteResult.Outcome.EXISTS, c.profiles().upsert(CUSTOMERS, p, false).outcome());
    assertEquals("Three", c.profiles().findByUniqueAttribute(CUSTOMERS, "customerId", "3")
        .orElseThrow().attributes().get("lastName"));
    ProfileWriteResult updated = c.profiles().upsert(CUSTOMERS, p, true);
    assertEquals(ProfileWriteResult.Outcome.UPDATED, updated.outcome());
    assertEquals(created.profileId(), updated.profileId());
    assertEquals("Drei", c.profiles().findByUniqueAttribute(CUSTOMERS, "customerId", "3")
        .orElseThrow().attributes().get("lastName"));
  }

  /** Both shapes of a single-profile GET, on the default (prefixed) emulator, through the real client. */
  @ParameterizedTest
  @EnumSource(ProfileGetShape.class)
  void profileIdFromEitherGetShape(ProfileGetShape shape) {
    try (ActitoEmulator shaped = ActitoEmulator.builder().data(EmulatorFixture.data()).profileGetShape(shape)
        .start()) {
      ActitoClient c = EmulatorFixture.client(EmulatorFixture.config(shaped, KEY).build(), new RecordingSleeper(null));
      Map<String, Object> admin = shaped.admin().profiles("demo", CUSTOMERS).stream()
          .filter(p -> "one@example.com".equals(p.get("emailAddress"))).findFirst().orElseThrow();
      Profile one = c.profiles().findByUniqueAttribute(CUSTOMERS, "emailAddress", "one@example.com").orElseThrow();
      assertEquals(OptionalLong.of(((Number) admin.get("profileId")).longValue()), one.profileId());
      assertEquals("One", one.attributes().get("lastName"));

      Map<String, Object> p = new LinkedHashMap<>();
      p.put("customerId", 4);
      p.put("emailAddress", "four@example.com");
      ProfileWriteResult created = c.profiles().upsert(CUSTOMERS, p, false);
      assertTrue(created.profileId().isPresent());
      assertEquals(created.profileId(),
          c.profiles().findByUniqueAttribute(CUSTOMERS, "customerId", "4").orElseThrow().profileId());
      assertFalse(one.profileId().equals(created.profileId()));
    }
  }
}
