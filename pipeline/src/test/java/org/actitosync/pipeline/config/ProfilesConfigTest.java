package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.record.AttributeType;
import org.actitosync.record.ProfileColumns;
import org.actitosync.write.ProfilesOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profiles.attributes}: the old form (a custom-table attribute) and the column form. */
class ProfilesConfigTest {
  private static final String OLD = "  attributes:\n    emailAddress: email\n";

  @TempDir Path dir;

  private static String withAttributes(String attributes) {
    return Configs.ordersWith(OLD, attributes);
  }

  @Test
  void theColumnFormReadsSegmentColumnsThatAreNotCustomTableAttributes() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(withAttributes(
        "  attributes:\n    emailAddress: {column: mail}\n    lastName: {column: last_name, type: STRING}\n"
            + "    firstName: email\n"));
    ProfilesConfig profiles = config.profiles();
    assertEquals(Map.of("firstName", "email"), profiles.attributes());
    assertEquals(Map.of("emailAddress", ProfileColumn.of("mail", Optional.empty()),
        "lastName", ProfileColumn.of("last_name", Optional.of(AttributeType.STRING))), profiles.columns());
    // read from the segment, but not mapped: no custom-table attribute of that name
    assertTrue(config.mappedColumns().containsAll(List.of("mail", "last_name")));
    assertTrue(config.mapping().stream().noneMatch(m -> m.column().equals("mail")));

    ProfileColumns typed = profiles.profileColumns(Map.of("emailAddress", AttributeType.STRING));
    assertEquals(Map.of("emailAddress", "mail", "lastName", "last_name"), typed.columns());
    ProfilesOption option = profiles.toOption(typed).orElseThrow();
    assertEquals(Map.of("customerId", "customerId", "firstName", "email"), option.profileAttributes());
    assertEquals(Map.of("emailAddress", AttributeType.STRING, "lastName", AttributeType.STRING),
        option.profileOnlyTypes());
  }

  @Test
  void anExplicitTypeWinsOverTheProfileTablesAndNoneFallsBackToIt() throws Exception {
    ProfilesConfig profiles = ConfigParser.parseYaml(withAttributes(
        "  attributes:\n    birthDate: {column: born}\n    score: {column: score, type: NUMBER}\n")).profiles();
    ProfileColumns typed =
        profiles.profileColumns(Map.of("birthDate", AttributeType.DATE, "score", AttributeType.STRING));
    assertEquals(Map.of("birthDate", AttributeType.DATE, "score", AttributeType.NUMBER), typed.types());
  }

  @Test
  void profileOnlyColumnsAreNotReadWithInsertMissingOff() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(
        withAttributes("  attributes:\n    emailAddress: {column: mail}\n").replace("insertMissing: on", "insertMissing: off"));
    assertTrue(config.profiles().profileColumns(Map.of()).isEmpty());
    assertTrue(!config.mappedColumns().contains("mail"));
  }

  @Test
  void badColumnItemsAreConfigErrorsWithTheirPaths() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(withAttributes(
        "  attributes:\n    emailAddress: {col: mail}\n    lastName: {column: last_name, type: TEXT}\n"
            + "    customerId: {column: id}\n")));
    List<ConfigProblem> problems = e.problems();
    assertTrue(problems.contains(ConfigProblem.of("profiles.attributes.emailAddress.col",
        "unknown key; expected one of: column, type")), problems.toString());
    assertTrue(problems.contains(ConfigProblem.of("profiles.attributes.emailAddress.column",
        "missing required value")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.path().equals("profiles.attributes.lastName.type")),
        problems.toString());
    assertTrue(problems.contains(ConfigProblem.of("profiles.attributes.customerId",
        "'customerId' is the profileAttribute: it always takes the link's value")), problems.toString());
  }

  @Test
  void theCommandLineHasTheColumnFormToo() throws Exception {
    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, Configs.text("orders.yaml"), StandardCharsets.UTF_8);
    ActivationConfig config = ConfigLoader.load(new String[] {
        "--config=" + file,
        "--profiles.attributes=emailAddress=column:mail",
        "--profiles.attributes=birthDate=column:born:DATE",
        "--profiles.attributes=firstName=email"}).config();
    assertEquals(Map.of("firstName", "email"), config.profiles().attributes());
    assertEquals(Map.of("emailAddress", ProfileColumn.of("mail", Optional.empty()),
        "birthDate", ProfileColumn.of("born", Optional.of(AttributeType.DATE))), config.profiles().columns());

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {
        "--config=" + file, "--profiles.attributes=emailAddress=column:mail:STRING:x"}));
    assertEquals(List.of(ConfigProblem.of("profiles.attributes.emailAddress",
        "expected column:COLUMN[:TYPE] on the command line, got 'column:mail:STRING:x'")), e.problems());
  }
}
