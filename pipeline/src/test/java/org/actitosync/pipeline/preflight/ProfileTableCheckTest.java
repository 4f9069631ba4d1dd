package org.actitosync.pipeline.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.actito.structure.AttributeDefinition;
import org.actitosync.actito.structure.TableStructure;
import org.actitosync.pipeline.config.ProfileColumn;
import org.actitosync.pipeline.config.ProfilesConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.junit.jupiter.api.Test;

/** The profile table's rules for "insert missing profiles" (pure). */
class ProfileTableCheckTest {
  private static final AttributeLayout LAYOUT = AttributeLayout.of(Map.of(
      "orderId", AttributeType.STRING, "customerId", AttributeType.LONG, "amount", AttributeType.NUMBER));

  /** Actito's sample structure: technical attributes, emailAddress and lastName mandatory. */
  private static final TableStructure CUSTOMERS = TableStructure.of("16", "customers", Optional.empty(), List.of(
      AttributeDefinition.builder("profileId", "INTEGER").setMandatory(true).setUnique(true).build(),
      AttributeDefinition.builder("creationMoment", "TIMESTAMP").setMandatory(true).build(),
      AttributeDefinition.builder("updateMoment", "TIMESTAMP").setMandatory(true).build(),
      AttributeDefinition.builder("customerId", "INTEGER").setUnique(true).build(),
      AttributeDefinition.builder("emailAddress", null).setType(Optional.of("EMAIL_ADDRESS"))
          .setMandatory(true).setUnique(true).build(),
      AttributeDefinition.builder("lastName", null).setType(Optional.of("LASTNAME")).setMandatory(true).build(),
      AttributeDefinition.builder("birthDate", null).setType(Optional.of("BIRTHDATE")).build(),
      AttributeDefinition.builder("segment", "STRING").build()));

  private static ProfilesConfig profiles(String profileAttribute, Map<String, String> attributes,
      Map<String, ProfileColumn> columns) {
    return ProfilesConfig.create(true, Optional.of("customers"), Optional.of("customerId"),
        Optional.of(profileAttribute), attributes, columns);
  }

  private static ProfileColumn column(String name) {
    return ProfileColumn.of(name, Optional.empty());
  }

  @Test
  void aCompleteConfigPassesAndColumnsTakeTheProfileTablesTypes() {
    ProfileTableCheck.Result result = ProfileTableCheck.check(profiles("customerId", Map.of(),
        Map.of("emailAddress", column("email"), "lastName", column("last_name"), "birthDate", column("born"))),
        LAYOUT, CUSTOMERS);
    assertEquals(List.of(), result.problems());
    assertEquals(Map.of("emailAddress", AttributeType.STRING, "lastName", AttributeType.STRING,
        "birthDate", AttributeType.DATE), result.columnTypes());
  }

  @Test
  void everyProblemIsOneLineNamingItsField() {
    ProfileTableCheck.Result result = ProfileTableCheck.check(profiles("segment",
        Map.of("nickname", "orderId", "birthDate", "amount"),
        Map.of("emailAddress", ProfileColumn.of("email", Optional.of(AttributeType.BOOLEAN)))),
        LAYOUT, CUSTOMERS);
    assertEquals(sorted(List.of(
        "profiles.profileAttribute: 'segment' is not unique in profile table 'customers': profiles cannot be"
            + " found by it",
        "profiles.attributes.nickname: 'nickname' does not exist in profile table 'customers'",
        "profiles.attributes.birthDate: 'amount' into profile attribute 'birthDate': a NUMBER value cannot go"
            + " into an attribute of type DATE",
        "profiles.attributes.emailAddress: column 'email' into profile attribute 'emailAddress': a BOOLEAN value"
            + " cannot go into an attribute of type EMAIL",
        "profiles.attributes: mandatory attribute 'lastName' of profile table 'customers' is not provided: a"
            + " profile cannot be created without it (add lastName: {column: COLUMN})")),
        sorted(result.problems()));
  }

  @Test
  void technicalAttributesAreNeverRequiredAndTheLinkCountsAsProvided() {
    TableStructure linkedByEmail = TableStructure.of("16", "customers", Optional.empty(), List.of(
        AttributeDefinition.builder("profileId", "INTEGER").setMandatory(true).build(),
        AttributeDefinition.builder("emailAddress", null).setType(Optional.of("EMAIL_ADDRESS"))
            .setMandatory(true).setUnique(true).build()));
    ProfilesConfig byEmail = ProfilesConfig.create(true, Optional.of("customers"), Optional.of("email"),
        Optional.of("emailAddress"), Map.of(), Map.of());
    AttributeLayout layout = AttributeLayout.of(Map.of("orderId", AttributeType.STRING, "email", AttributeType.STRING));
    assertEquals(List.of(), ProfileTableCheck.check(byEmail, layout, linkedByEmail).problems());
  }

  private static List<String> sorted(List<String> problems) {
    return problems.stream().sorted().collect(java.util.stream.Collectors.toList());
  }
}
