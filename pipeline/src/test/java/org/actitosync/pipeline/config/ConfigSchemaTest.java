package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema is the one list of the config's keys: every leaf setting has its command-line option
 * (and --help line) and every option a leaf; every key the schema accepts has its field in the
 * typed records, so no accepted value is dropped when binding.
 */
class ConfigSchemaTest {
  private static JsonNode schema() throws Exception {
    try (InputStream in = ConfigSchemaTest.class.getResourceAsStream(
        "/org/actitosync/pipeline/config/activation.schema.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static boolean refused(JsonNode property) {
    return property.path("$ref").asText().endsWith("/inline");
  }

  /** Leaf settings, walked independently of ConfigSchema: sections recurse, x-option ends a walk. */
  private static void leaves(JsonNode section, String prefix, List<String> out) {
    section.path("properties").fields().forEachRemaining(e -> {
      JsonNode property = e.getValue();
      String option = property.path("x-option").asText("");
      if (refused(property) || option.equals("none")) {
        return;
      }
      if (option.isEmpty() && property.has("properties")) {
        leaves(property, prefix + e.getKey() + ".", out);
      } else {
        out.add(prefix + e.getKey());
      }
    });
  }

  @Test
  void everyLeafSettingHasACommandLineOptionAndViceVersa() throws Exception {
    List<String> leaves = new ArrayList<>();
    leaves(schema(), "", leaves);
    List<String> options = ConfigSchema.options().stream().map(ConfigOption::path).collect(Collectors.toList());
    assertEquals(leaves, options);
    assertEquals(42, options.size(), options.toString()); // a setting added or lost shows here
    String help = ConfigLoader.usage().replaceAll("\\s+", " ");
    for (ConfigOption option : ConfigSchema.options()) {
      assertTrue(help.contains(" " + option.optionName() + "=" + option.label() + " "), option.optionName());
      assertTrue(!option.description().isBlank(), option.path());
    }
  }

  /** Both files are valid draft 2020-12 schemas (the meta-schema ships with the library). */
  @Test
  void theSchemasAreValidDraft202012Schemas() throws Exception {
    com.networknt.schema.JsonSchema meta = com.networknt.schema.JsonSchemaFactory
        .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
        .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (String name : List.of("activation.schema.json", "runner.schema.json")) {
      try (InputStream in = ConfigSchemaTest.class.getResourceAsStream("/org/actitosync/pipeline/config/" + name)) {
        JsonNode document = new ObjectMapper().readTree(in);
        assertEquals(java.util.Set.of(), meta.validate(document), name);
        assertEquals("https://actito-sync.org/schema/" + name, document.path("$id").asText());
      }
    }
    // and the meta-schema does check: a wrong type for "minimum" is refused
    assertTrue(!meta.validate(new ObjectMapper().readTree("{\"minimum\": \"one\"}")).isEmpty());
  }

  @Test
  void theSpecialShapesAndDefaultsComeFromTheSchema() {
    Map<String, ConfigOption> byPath = ConfigSchema.options().stream()
        .collect(Collectors.toMap(ConfigOption::path, o -> o));
    assertEquals(ConfigOption.Shape.MAPPING, byPath.get("mapping").shape());
    assertEquals(ConfigOption.Shape.PROFILE_ATTRIBUTES, byPath.get("profiles.attributes").shape());
    assertEquals(ConfigOption.Shape.MERGED_MAP, byPath.get("warnings").shape());
    assertEquals("4", byPath.get("write.concurrency").defaultText());
    assertEquals(String.valueOf(WriteSettings.DEFAULT_CONCURRENCY), byPath.get("write.concurrency").defaultText());
    assertEquals(String.valueOf(SnapshotConfig.DEFAULT_RETENTION), byPath.get("snapshot.retention").defaultText());
    assertEquals(String.valueOf(JdbcSourceConfig.DEFAULT_FETCH_SIZE), byPath.get("source.jdbc.fetchSize").defaultText());
    assertEquals("org.postgresql.Driver for jdbc:postgresql: URLs", byPath.get("source.jdbc.driver").defaultText());
    assertEquals("none", byPath.get("name").defaultText());
    assertEquals(List.of("name", "source", "key", "mapping", "mode", "target", "profiles", "snapshot", "write",
        "warnings", "schedule", "runner"), ConfigSchema.topLevelKeys());
  }

  private static void sameKeys(JsonNode objectSchema, Class<?> record) {
    List<String> keys = new ArrayList<>();
    objectSchema.path("properties").fields().forEachRemaining(e -> {
      if (!refused(e.getValue())) {
        keys.add(e.getKey());
      }
    });
    List<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toList());
    assertEquals(keys, fields, record.getSimpleName());
  }

  @Test
  void theTypedRecordsHaveAFieldForEveryKeyTheSchemaAccepts() throws Exception {
    JsonNode root = schema();
    JsonNode p = root.path("properties");
    sameKeys(root, ConfigFile.class);
    sameKeys(p.path("source"), ConfigFile.SourceFile.class);
    sameKeys(p.path("source").path("properties").path("jdbc"), ConfigFile.JdbcFile.class);
    sameKeys(p.path("source").path("properties").path("bigquery"), ConfigFile.BigQueryFile.class);
    sameKeys(p.path("source").path("properties").path("files"), ConfigFile.FilesFile.class);
    sameKeys(p.path("mapping").path("items"), ConfigFile.MappingFile.class);
    sameKeys(p.path("target"), ConfigFile.TargetFile.class);
    sameKeys(p.path("profiles"), ConfigFile.ProfilesFile.class);
    sameKeys(p.path("snapshot"), ConfigFile.SnapshotFile.class);
    sameKeys(p.path("write"), ConfigFile.WriteFile.class);
    sameKeys(p.path("write").path("properties").path("bulk"), ConfigFile.BulkFile.class);
    sameKeys(p.path("warnings"), WarningsFile.class);
    sameKeys(p.path("warnings").path("properties").path("webhook"), WarningsFile.WebhookFile.class);
    sameKeys(p.path("warnings").path("properties").path("email"), WarningsFile.EmailFile.class);
  }
}
