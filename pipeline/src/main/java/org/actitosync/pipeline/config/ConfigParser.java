package org.actitosync.pipeline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.actitosync.actito.etl.EtlContract;
import org.actitosync.actito.etl.EtlDefinitionTemplate;

/**
 * Turns a config tree (parsed YAML, with command-line overrides applied) into an {@link
 * ActivationConfig}, or a {@link ConfigException} listing every problem at once, each with its
 * path, in file order. The steps: read scalars as the schema expects ({@link SchemaCoercion});
 * validate against {@code activation.schema.json} ({@link ConfigSchema}); bind the values the schema
 * accepted into typed records ({@link ConfigFile}); check across sections ({@link ConfigChecks});
 * build the domain types, reading the files {@code write.bulk} names. Touches no service.
 *
 * <pre>{@code
 * ActivationConfig config = ConfigParser.parseYaml(text);
 * }</pre>
 */
public final class ConfigParser {
  private static final YAMLMapper YAML = yamlMapper();
  private static final ObjectMapper BINDER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private ConfigParser() {}

  private static YAMLMapper yamlMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /**
   * Parses YAML text into a tree ({@code origin} names it in messages). An empty document is an
   * empty mapping.
   *
   * @throws ConfigException with the one problem: not YAML, or not a mapping at the top
   */
  public static ObjectNode readYaml(String yaml, String origin) throws ConfigException {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(
          ConfigProblem.of("", origin + " is not valid YAML" + where + ": " + e.getOriginalMessage()));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return YAML.createObjectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(ConfigProblem.of("",
          origin + ": expected a mapping (key: value) at the top, got " + SchemaProblems.describe(tree)));
    }
    return (ObjectNode) tree;
  }

  /** An empty tree, for configs given entirely on the command line. */
  public static ObjectNode emptyTree() {
    return YAML.createObjectNode();
  }

  /** Parses and validates YAML text. */
  public static ActivationConfig parseYaml(String yaml) throws ConfigException {
    return parse(readYaml(yaml, "the config"));
  }

  /** Validates {@code root} and builds the config; every problem is reported at once. */
  public static ActivationConfig parse(ObjectNode root) throws ConfigException {
    ObjectNode tree = root.deepCopy();
    SchemaCoercion.coerce(tree);
    Set<ValidationMessage> messages = ConfigSchema.get().messages(tree);
    List<ConfigProblem> problems = new ArrayList<>(SchemaProblems.translate(messages, tree, ConfigSchema.get()));
    ConfigFile file = bind(accepted(tree, SchemaProblems.refusedValues(messages)), problems);
    Set<String> refused = problems.stream().map(p -> p.path().split("[.\\[]")[0]).collect(Collectors.toSet());
    problems.addAll(ConfigChecks.problems(file, refused));
    ConfigFile.WriteFile write = file.write() != null ? file.write() : ConfigFile.WriteFile.NONE;
    WriteSettings writeSettings = write.toConfig(bulk(write.bulk(), problems));
    ActivationConfig config = problems.isEmpty() ? build(file, writeSettings) : null;
    if (!problems.isEmpty()) {
      throw new ConfigException(FileOrder.sort(problems, tree));
    }
    return config;
  }

  /** {@code tree} without the values the schema refused (an item of a list becomes null). */
  private static ObjectNode accepted(ObjectNode tree, List<String> refused) {
    ObjectNode copy = tree.deepCopy();
    for (String pointer : refused) {
      String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
      String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
      JsonNode parent = copy.at(parentPointer);
      if (parent.isObject()) {
        ((ObjectNode) parent).remove(last);
      } else if (parent.isArray() && last.matches("[0-9]+") && Integer.parseInt(last) < parent.size()) {
        ((ArrayNode) parent).set(Integer.parseInt(last), NullNode.getInstance());
      }
    }
    return copy;
  }

  /** Binds each section on its own, so one that cannot be bound leaves the others typed. */
  private static ConfigFile bind(ObjectNode tree, List<ConfigProblem> problems) {
    RecordComponent[] components = ConfigFile.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      JsonNode node = tree.get(components[i].getName());
      if (node == null || node.isNull()) {
        continue;
      }
      try {
        values[i] = BINDER.readerFor(BINDER.constructType(components[i].getGenericType())).readValue(node);
      } catch (java.io.IOException | IllegalArgumentException e) {
        if (problems.isEmpty()) { // the schema passed, so this is a gap between schema and records
          problems.add(ConfigProblem.of(components[i].getName(), "cannot be read: " + e.getMessage()));
        }
      }
    }
    try {
      return ConfigFile.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("ConfigFile's canonical constructor", e);
    }
  }

  /** The domain config of a file that passed every check. */
  private static ActivationConfig build(ConfigFile file, WriteSettings write) {
    String zone = file.target().timeZone();
    return ActivationConfig.builder()
        .setName(file.name())
        .setSource(file.source().toConfig())
        .setKeyColumn(file.key())
        .setMapping(file.mapping().stream().map(ConfigFile.MappingFile::toEntry).collect(Collectors.toList()))
        .setMode(file.mode())
        .setTarget(file.target().toConfig(zone == null ? java.time.ZoneOffset.UTC : ZoneId.of(zone.trim())))
        .setProfiles((file.profiles() != null ? file.profiles() : ConfigFile.ProfilesFile.NONE).toConfig())
        .setSnapshot(file.snapshot().toConfig())
        .setWrite(write)
        .setWarnings(file.warnings() != null ? file.warnings().toSection() : WarningsSection.defaults())
        .setScheduleOrNull(file.schedule())
        .build();
  }

  /** {@code write.bulk}; reads and checks the template and contract files it names. */
  private static BulkSettings bulk(ConfigFile.BulkFile file, List<ConfigProblem> problems) {
    BulkSettings defaults = BulkSettings.defaults();
    if (file == null) {
      return defaults;
    }
    String path = "write.bulk";
    var template = java.util.Optional.ofNullable(file.definitionTemplate()).flatMap(name -> BulkFiles.load(name,
        EtlDefinitionTemplate::of, message -> problems.add(ConfigProblem.of(path + ".definitionTemplate", message))));
    var contract = java.util.Optional.ofNullable(file.contract()).flatMap(name -> BulkFiles.load(name,
        text -> EtlContract.fromJson(text, defaults.contract()),
        message -> problems.add(ConfigProblem.of(path + ".contract", message))));
    return BulkSettings.create(java.util.Optional.ofNullable(file.etlId()),
        java.util.Optional.ofNullable(file.definitionTemplate()), template.orElse(defaults.definitionTemplate()),
        file.reportRecipients() == null ? List.of()
            : file.reportRecipients().stream().filter(java.util.Objects::nonNull).collect(Collectors.toList()),
        java.util.Optional.ofNullable(file.contract()), contract.orElse(defaults.contract()));
  }
}
