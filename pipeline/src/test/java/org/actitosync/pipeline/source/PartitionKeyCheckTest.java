package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigException;
import org.actitosync.pipeline.config.ConfigParser;
import org.actitosync.pipeline.config.ConfigProblem;
import org.actitosync.pipeline.launch.ExitCode;
import org.actitosync.pipeline.launch.Launcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's check of a partitioned read's key against a real PostgreSQL: more than one
 * partition needs the key to be one integer column of the query's result, named exactly; else a
 * config error naming {@code source.jdbc.partitions}, the key column and its type, exit 2, before
 * any data moves.
 */
class PartitionKeyCheckTest {
  @TempDir Path dir;

  @BeforeAll
  static void createTable() throws Exception {
    Postgres.execute(
        "DROP TABLE IF EXISTS partition_keys",
        "CREATE TABLE partition_keys (code text, amount numeric(12,2), whole numeric(10,0), small smallint,"
            + " regular integer, big bigint, \"Mixed\" integer)");
  }

  static String yaml(String key, String partitions) {
    return "name: keys\n"
        + "source: {jdbc: {url: '" + Postgres.url() + "', user: postgres,"
        + " query: 'SELECT code, amount, whole, small, regular, big, \"Mixed\" FROM partition_keys'"
        + (partitions == null ? "" : ", partitions: " + partitions) + "}}\n"
        + "key: " + key + "\n"
        + "mapping:\n"
        + "  - {column: " + key + ", attribute: k, type: STRING}\n"
        + "mode: UPSERT\n"
        + "target: {baseUrl: 'http://127.0.0.1:9', entity: e, table: T, apiKeyEnv: ACTITO_KEYS_TEST_UNSET}\n"
        + "snapshot: {root: /tmp/unused}\n";
  }

  static List<ConfigProblem> problems(String key, String partitions) throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(yaml(key, partitions));
    return assertThrows(ConfigException.class, () -> PartitionKeyCheck.check(config)).problems();
  }

  static void passes(String key, String partitions) throws Exception {
    PartitionKeyCheck.check(ConfigParser.parseYaml(yaml(key, partitions)));
  }

  @Test
  void integerKeysPass() throws Exception {
    passes("small", "3");
    passes("regular", "7");
    passes("big", "1024");
  }

  @Test
  void onePartitionChecksNothing() throws Exception {
    passes("code", "1");
    passes("code", null);
    passes("no_such_column", "1");
  }

  @Test
  void aKeyThatIsNotAnIntegerColumnIsRefusedWithItsType() throws Exception {
    assertEquals(
        List.of(ConfigProblem.of("source.jdbc.partitions",
            "3 partitions split the read on the key column 'code', whose type in the query's result is text:"
                + " partitions need an integer key (smallint, integer or bigint); or set source.jdbc.partitions"
                + " to 1 (one query)")),
        problems("code", "3"));
    assertEquals(
        List.of(ConfigProblem.of("source.jdbc.partitions",
            "2 partitions split the read on the key column 'amount', whose type in the query's result is numeric:"
                + " partitions need an integer key (smallint, integer or bigint); or set source.jdbc.partitions"
                + " to 1 (one query)")),
        problems("amount", "2"));
    assertTrue(problems("whole", "2").get(0).message().contains("'whole', whose type in the query's result is numeric"),
        "numeric(10,0) is a LONG attribute but not an integer column");
  }

  @Test
  void theKeyMustBeNamedAsTheResultNamesIt() throws Exception {
    passes("Mixed", "2");
    assertEquals(
        List.of(ConfigProblem.of("source.jdbc.partitions",
            "2 partitions split the read on the key column 'mixed', which the query's result names 'Mixed':"
                + " give the key (and its mapping column) that exact name; or set source.jdbc.partitions to 1"
                + " (one query)")),
        problems("mixed", "2"));
    assertEquals(
        List.of(ConfigProblem.of("source.jdbc.partitions",
            "2 partitions split the read on the key column 'nope', which is not in the query's result; its"
                + " columns: [code, amount, whole, small, regular, big, Mixed]")),
        problems("nope", "2"));
  }

  @Test
  void theLauncherExitsWithAConfigErrorBeforeAnyDataMoves() throws Exception {
    Path file = dir.resolve("keys.yaml");
    Files.writeString(file, yaml("code", "3").replace("/tmp/unused", dir.resolve("snapshots").toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Launcher(new PrintStream(out, true), new PrintStream(err, true))
        .run(new String[] {"--config=" + file});
    String printed = err.toString();
    assertEquals(ExitCode.CONFIG_ERROR.code(), code, printed + out);
    assertTrue(printed.contains("source.jdbc.partitions: 3 partitions split the read on the key column 'code',"
        + " whose type in the query's result is text"), printed);
    assertFalse(printed.contains("\tat ") || printed.contains("Exception"), "no stack trace: " + printed);
  }
}
