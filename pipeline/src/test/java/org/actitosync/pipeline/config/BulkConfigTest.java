package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.pipeline.launch.ExitCode;
import org.actitosync.pipeline.launch.Launcher;
import org.actitosync.write.WriterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code write.bulk}: parsed, its files read and checked, bad ones refused with their path. */
class BulkConfigTest {
  @TempDir Path dir;

  private static String withBulk(String bulk) {
    return Configs.ordersWith("  strategy: RECORDS", "  strategy: BULK\n  bulk:\n" + bulk);
  }

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigParser.parseYaml(yaml)).problems();
  }

  /** The launcher stops with exit 2 before anything else, naming the problem. */
  private void assertLauncherRefuses(String yaml, String expected) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Launcher(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
        .run(new String[] {"--config=" + file});
    assertEquals(ExitCode.CONFIG_ERROR.code(), code);
    assertTrue(err.toString().contains(expected), err.toString());
  }

  @Test
  void defaultsWhenAbsent() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));
    assertEquals(BulkSettings.defaults(), config.write().bulk());
    assertEquals(EtlDefinitionTemplate.defaults(), config.write().bulk().definitionTemplate());
  }

  @Test
  void everyKeyReachesTheWriterAndTheClient() throws Exception {
    Path template = Files.writeString(dir.resolve("t.json"),
        "{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\",\"a\":${mapping},\"x\":1}");
    Path contract = Files.writeString(dir.resolve("c.json"), "{\"inputFilePart\":\"file\"}");
    ActivationConfig config = ConfigParser.parseYaml(withBulk(
        "    etlId: \"123456\"\n"
            + "    definitionTemplate: " + template + "\n"
            + "    reportRecipients: [ops@example.com, data@example.org]\n"
            + "    contract: " + contract + "\n"));
    BulkSettings bulk = config.write().bulk();
    assertEquals(Optional.of("123456"), bulk.etlId());
    assertEquals(Optional.of(template.toString()), bulk.definitionTemplateFile());
    assertTrue(bulk.definitionTemplate().text().contains("\"x\":1"));
    assertEquals(List.of("ops@example.com", "data@example.org"), bulk.reportRecipients());
    assertEquals("file", bulk.contract().inputFilePart());
    assertEquals("file", config.actitoClientConfig().etlContract().inputFilePart());
    WriterConfig writer = config.writerConfig(
        org.actitosync.record.AttributeLayout.of(java.util.Map.of(
            config.keyAttribute(), org.actitosync.record.AttributeType.STRING)))
        .setRunKey("r").build();
    assertEquals("123456", writer.etlId());
    assertEquals(bulk.definitionTemplate(), writer.definitionTemplate());
    assertEquals(bulk.reportRecipients(), writer.reportRecipients());
  }

  @Test
  void recipientsMayBeCommaSeparatedText() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(withBulk(
        "    reportRecipients: \"a@x.org, b@y.org\"\n"));
    assertEquals(List.of("a@x.org", "b@y.org"), config.write().bulk().reportRecipients());
    // an unquoted numeric ETL id is its text
    assertEquals(Optional.of("123456"),
        ConfigParser.parseYaml(withBulk("    etlId: 123456\n")).write().bulk().etlId());
  }

  @Test
  void anInvalidTemplateIsAConfigErrorWithItsPath() throws Exception {
    Path missing = Files.writeString(dir.resolve("missing.json"),
        "{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\"}");
    Path broken = Files.writeString(dir.resolve("broken.json"),
        "{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\",\"a\":${mapping}");
    List<ConfigProblem> p1 = problems(withBulk("    definitionTemplate: " + missing + "\n"));
    assertEquals(1, p1.size(), p1.toString());
    assertEquals("write.bulk.definitionTemplate", p1.get(0).path());
    assertTrue(p1.get(0).message().contains("missing required placeholder(s) [mapping]"), p1.toString());
    List<ConfigProblem> p2 = problems(withBulk("    definitionTemplate: " + broken + "\n"));
    assertEquals("write.bulk.definitionTemplate", p2.get(0).path());
    assertTrue(p2.get(0).message().contains("not valid JSON"), p2.toString());
    assertLauncherRefuses(withBulk("    definitionTemplate: " + broken + "\n"),
        "write.bulk.definitionTemplate");
  }

  @Test
  void unreadableFilesUnknownKeysAndBadRecipientsAreReportedTogether() {
    List<ConfigProblem> problems = problems(withBulk(
        "    definitionTemplate: " + dir.resolve("nope.json") + "\n"
            + "    contract: " + dir.resolve("nope2.json") + "\n"
            + "    reportRecipients: [not-an-address]\n"
            + "    etlID: 5\n"));
    assertEquals(List.of(
        ConfigProblem.of("write.bulk.definitionTemplate",
            "cannot read '" + dir.resolve("nope.json") + "': no such file"),
        ConfigProblem.of("write.bulk.contract",
            "cannot read '" + dir.resolve("nope2.json") + "': no such file"),
        ConfigProblem.of("write.bulk.reportRecipients[0]", "expected an e-mail address, got 'not-an-address'"),
        ConfigProblem.of("write.bulk.etlID",
            "unknown key; expected one of: etlId, definitionTemplate, reportRecipients, contract")), problems);
  }

  @Test
  void anInvalidContractIsAConfigError() throws Exception {
    Path contract = Files.writeString(dir.resolve("c.json"), "{\"inputFile\":\"x\"}");
    List<ConfigProblem> problems = problems(withBulk("    contract: " + contract + "\n"));
    assertEquals("write.bulk.contract", problems.get(0).path());
    assertTrue(problems.get(0).message().contains("unknown key(s) [inputFile]"), problems.toString());
  }

  @Test
  void bulkWithInsertOrUpdateIsAConfigError() throws Exception {
    for (String mode : List.of("INSERT", "UPDATE")) {
      String yaml = Configs.ordersWith("strategy: RECORDS", "strategy: BULK")
          .replace("mode: UPSERT", "mode: " + mode);
      List<ConfigProblem> problems = problems(yaml);
      assertEquals(1, problems.size(), problems.toString());
      assertEquals("write.strategy", problems.get(0).path());
      assertTrue(problems.get(0).message().startsWith("BULK cannot be used with mode " + mode
          + ": bulk (ETL) writes are used only for create-or-update"), problems.toString());
      assertLauncherRefuses(yaml, "write.strategy");
    }
    // AUTO with INSERT is fine: the writer goes record by record
    ConfigParser.parse(ConfigParser.readYaml(Configs.ordersWith("strategy: RECORDS", "strategy: AUTO")
        .replace("mode: UPSERT", "mode: INSERT"), "t"));
  }
}
