package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared bad {@code runner} sections of {@code src/test/resources/configs/runner/}: each file is
 * refused by the launcher's config loading with problems at exactly the paths its {@code # refused
 * at:} line names. The Airflow factory's test ({@code scripts/airflow/tests/test_runner_schema.py})
 * reads the same files and expects the same paths, so both sides refuse the same sections through
 * {@code runner.schema.json}. Messages may differ between the two; paths may not.
 */
class RunnerSchemaTest {
  private static final String REFUSED_AT = "# refused at:";
  private static final Pattern DATAFLOW = Pattern.compile("(?im)^\\s+type:\\s*dataflow\\b");

  /**
   * The launcher's arguments for {@code file}. A DATAFLOW config names no API key itself:
   * DataflowMain adds {@code --target.apiKeyFile} (from runner.apiKeySecret), and so does this.
   */
  static String[] args(Path file) throws IOException {
    return DATAFLOW.matcher(Files.readString(file)).find()
        ? new String[] {"--config=" + file, "--target.apiKeyFile=/tmp/actito-sync-secrets/actito-api-key"}
        : new String[] {"--config=" + file};
  }

  static Path folder() throws URISyntaxException {
    return Path.of(RunnerSchemaTest.class.getResource("/configs/runner").toURI());
  }

  static Stream<Path> badConfigs() throws IOException, URISyntaxException {
    return files("bad-runner-");
  }

  static Stream<Path> goodConfigs() throws IOException, URISyntaxException {
    return files("good-runner-");
  }

  private static Stream<Path> files(String prefix) throws IOException, URISyntaxException {
    try (Stream<Path> list = Files.list(folder())) {
      List<Path> files =
          list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
      return files.stream();
    }
  }

  /** The paths a file's {@code # refused at: a, b} line names. */
  private static Set<String> expectedPaths(Path file) throws IOException {
    String line =
        Files.readAllLines(file).stream()
            .filter(l -> l.startsWith(REFUSED_AT))
            .findFirst()
            .orElseThrow(() -> new AssertionError(file + " has no '" + REFUSED_AT + "' line"));
    return Arrays.stream(line.substring(REFUSED_AT.length()).split(","))
        .map(String::trim)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theSharedFixturesAreThere() throws Exception {
    assertTrue(badConfigs().count() >= 5, "bad-runner-*.yaml in " + folder());
    assertEquals(2, goodConfigs().count(), "good-runner-*.yaml in " + folder());
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void aBadRunnerSectionIsRefusedAtItsPath(Path file) throws Exception {
    ConfigException refused =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(args(file)));
    Set<String> paths =
        refused.problems().stream().map(ConfigProblem::path).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expectedPaths(file), paths, refused.getMessage());
  }

  @ParameterizedTest
  @MethodSource("goodConfigs")
  void theValidCounterpartIsAccepted(Path file) throws Exception {
    ConfigLoader.load(args(file));
  }
}
