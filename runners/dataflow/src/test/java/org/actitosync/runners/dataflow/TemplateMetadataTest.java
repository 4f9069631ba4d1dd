package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.config.ConfigOption;
import org.actitosync.pipeline.config.ConfigSchema;
import org.actitosync.pipeline.cli.RunOptions;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code metadata.json} against the options the job really has. To regenerate after
 * changing a setting or an option: run this test with {@code -Dactitosync.writeMetadata=true}.
 */
class TemplateMetadataTest {
  static final Path COMMITTED = Path.of("metadata.json");

  private static Map<String, JsonNode> committedParameters() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(COMMITTED));
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode p : root.get("parameters")) {
      if (byName.put(p.get("name").asText(), p) != null) {
        fail("parameter " + p.get("name") + " is listed twice");
      }
    }
    return byName;
  }

  /** Every option of the job, found independently of the generator: settings, config, Beam getters. */
  private static Set<String> jobOptions() {
    Set<String> names = new LinkedHashSet<>();
    names.add("config");
    ConfigSchema.options().forEach(s -> names.add(s.path()));
    RunOptions.mixin().options()
        .forEach(o -> names.add(o.longestName().substring(2)));
    for (Class<? extends PipelineOptions> options : List.of(SecretManagerOptions.class)) {
      for (Method m : options.getDeclaredMethods()) {
        if (m.getName().startsWith("set") && m.getParameterCount() == 1) {
          String property = Introspector.decapitalize(m.getName().substring(3));
          boolean hidden = false;
          for (Method g : options.getDeclaredMethods()) {
            if (g.getParameterCount() == 0 && g.getName().matches("(get|is)" + m.getName().substring(3))) {
              hidden = g.isAnnotationPresent(Hidden.class);
            }
          }
          if (!hidden) {
            names.add(property);
          }
        }
      }
    }
    return names;
  }

  @Test
  void theCommittedFileIsWhatTheGeneratorWrites() throws IOException {
    String generated = TemplateMetadata.json();
    if (Boolean.getBoolean("actitosync.writeMetadata")) {
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(COMMITTED),
        "runners/dataflow/metadata.json is stale: rerun this test with -Dactitosync.writeMetadata=true");
  }

  @Test
  void everyOptionIsAParameterAndNoParameterIsInvented() throws IOException {
    Set<String> parameters = committedParameters().keySet();
    Set<String> options = jobOptions();

    Set<String> missing = new TreeSet<>(options);
    missing.removeAll(parameters);
    Set<String> invented = new TreeSet<>(parameters);
    invented.removeAll(options);
    assertTrue(missing.isEmpty(), "options without a template parameter: " + missing);
    assertTrue(invented.isEmpty(), "template parameters that are no option: " + invented);
    // The launcher's own command line knows every setting parameter by that name.
    String usage = ConfigLoader.usage();
    for (ConfigOption setting : ConfigSchema.options()) {
      assertTrue(usage.contains(setting.optionName() + "="), setting.optionName() + " not in --help");
    }
  }

  @Test
  void everyParameterHasALabelHelpTextAndOneCompilingRegex() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(COMMITTED));
    assertEquals("actito-sync", root.get("name").asText());
    assertFalse(root.get("description").asText().isBlank());
    for (JsonNode p : root.get("parameters")) {
      String name = p.get("name").asText();
      assertFalse(p.path("label").asText().isBlank(), name + ": label");
      assertFalse(p.path("helpText").asText().isBlank(), name + ": helpText");
      assertTrue(p.path("isOptional").isBoolean(), name + ": isOptional");
      assertEquals(1, p.path("regexes").size(), name + ": regexes");
      Pattern.compile(p.get("regexes").get(0).asText());
    }
  }

  @Test
  void everyLiteralDefaultPassesItsParametersRegex() throws IOException {
    Map<String, JsonNode> parameters = committedParameters();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (ConfigOption s : ConfigSchema.options()) {
      if (!s.defaultText().equals("none") && !s.defaultText().contains(" ")) {
        defaults.put(s.path(), s.defaultText());
      }
    }
    defaults.put("dryRun", "false");
    defaults.put("progressSeconds", "30");
    assertTrue(defaults.keySet().containsAll(List.of("write.concurrency", "write.strategy", "target.pathStyle",
        "snapshot.retention", "profiles.insertMissing", "source.jdbc.fetchSize")), defaults.toString());
    List<String> failures = new ArrayList<>();
    defaults.forEach((name, value) -> {
      if (!matches(parameters.get(name), value)) {
        failures.add(name + "=" + value);
      }
    });
    assertTrue(failures.isEmpty(), "defaults refused by their own regex: " + failures);
  }

  @Test
  void regexesAcceptTypicalValuesAndRefuseMistakes() throws IOException {
    Map<String, JsonNode> p = committedParameters();
    Map<String, List<String>> good = Map.of(
        "config", List.of("gs://bucket/activations/customers.yaml"),
        "write.concurrency", List.of("3"),
        "mode", List.of("MIRROR", "upsert"),
        "target.environment", List.of("PRODUCTION_ENV1", "production-env1", "PREPROD"),
        "source.jdbc.url", List.of("jdbc:postgresql://10.0.0.3:5432/crm"),
        "source.jdbc.query", List.of("SELECT id,\n  email FROM customers"),
        "mapping", List.of("email=emailAddress:STRING:create"),
        "schedule", List.of("0 6 * * 1-5"),
        "runId", List.of("20261128T145200123Z-0a1b2c", "nightly-42"),
        "apiKeySecret", List.of("projects/p-1/secrets/actito-key/versions/latest"));
    Map<String, List<String>> bad = Map.of(
        "config", List.of("gs://bucket/my file.yaml"),
        "write.concurrency", List.of("0", "three", "-1"),
        "mode", List.of("SYNC"),
        "source.jdbc.url", List.of("postgresql://host/db"),
        "mapping", List.of("email"),
        "dryRun", List.of("yes"),
        "schedule", List.of("@daily"),
        "jdbcPasswordSecret", List.of("db-password", "projects/p/secrets/s"));
    good.forEach((name, values) -> values.forEach(v -> assertTrue(matches(p.get(name), v), name + " should accept " + v)));
    bad.forEach((name, values) -> values.forEach(v -> assertFalse(matches(p.get(name), v), name + " should refuse " + v)));
  }

  private static boolean matches(JsonNode parameter, String value) {
    return Pattern.compile(parameter.get("regexes").get(0).asText()).matcher(value).find();
  }
}
