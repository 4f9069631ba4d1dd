package org.actitosync.pipeline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.actito.ApiKey;
import org.actitosync.actito.PathStyle;
import org.actitosync.classify.SyncMode;
import org.actitosync.record.AttributeType;
import org.actitosync.write.Strategy;

/**
 * Turns a config tree (parsed YAML, with command-line overrides applied) into an {@link
 * ActivationConfig}, or a {@link ConfigException} listing every problem at once, each with its
 * field path. Reads no file but the ones {@code write.bulk} names (its template and contract, which
 * must be checked before any data moves) and touches no service.
 *
 * <pre>{@code
 * ActivationConfig config = ConfigParser.parse(ConfigParser.readYaml(text));
 * }</pre>
 */
public final class ConfigParser {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  static final List<String> TOP_LEVEL =
      List.of(
          "name", "source", "key", "mapping", "mode", "target", "profiles", "snapshot", "write",
          "warnings", "schedule", "runner");

  static final String INLINE_PASSWORD = "secret given inline: use passwordEnv or passwordFile";
  static final String INLINE_API_KEY = "secret given inline: use apiKeyEnv or apiKeyFile";

  private static final YAMLMapper YAML = yamlMapper();

  private final List<ConfigProblem> problems = new ArrayList<>();

  private ConfigParser() {}

  private static YAMLMapper yamlMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /**
   * Parses YAML text into a tree ({@code origin} names it in messages). An empty document is an
   * empty mapping.
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
      throw new ConfigException(
          ConfigProblem.of("", origin + ": expected a mapping (key: value) at the top, got " + describe(tree)));
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
    ConfigParser parser = new ConfigParser();
    ActivationConfig config = parser.build(root);
    if (!parser.problems.isEmpty()) {
      throw new ConfigException(parser.problems);
    }
    return config;
  }

  // ---------------------------------------------------------------------------------------------

  private ActivationConfig build(ObjectNode root) {
    keys(root, "", TOP_LEVEL, Map.of());
    Optional<String> name = text(root, "name", "", true);
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      problem(
          "name",
          "invalid activation name '" + name.get() + "': use only letters, digits, '.', '_' and '-'");
    }
    SourceConfig source = source(root);
    Optional<String> key = text(root, "key", "", true);
    List<MappingEntry> mapping = mapping(root);
    Optional<SyncMode> mode = enumValue(root, "mode", "", true, SyncMode.class, "mode", s -> s);
    TargetConfig target = target(root);
    ProfilesConfig profiles = profiles(root, mapping);
    SnapshotConfig snapshot = snapshot(root);
    WriteSettings write = write(root);
    Map<String, Object> warnings = warnings(root);
    Optional<String> schedule = text(root, "schedule", "", false);
    schedule.flatMap(Cron::problem).ifPresent(message -> problem("schedule", message));
    key.ifPresent(column -> checkKey(column, mapping));
    if (write.strategy() == Strategy.BULK && mode.isPresent()
        && (mode.get() == SyncMode.INSERT || mode.get() == SyncMode.UPDATE)) {
      problem("write.strategy", "BULK cannot be used with mode " + mode.get() + ": "
          + org.actitosync.write.StrategyChooser.BULK_ONLY_CREATE_OR_UPDATE);
    }
    problems.addAll(RunnerSection.problems(root));

    if (!problems.isEmpty()) {
      return null;
    }
    return ActivationConfig.builder()
        .setName(name.get())
        .setSource(source)
        .setKeyColumn(key.get())
        .setMapping(List.copyOf(mapping))
        .setMode(mode.get())
        .setTarget(target)
        .setProfiles(profiles)
        .setSnapshot(snapshot)
        .setWrite(write)
        .setWarnings(warnings)
        .setScheduleOrNull(schedule.orElse(null))
        .build();
  }

  private SourceConfig source(ObjectNode root) {
    ObjectNode source = section(root, "source", "", true);
    if (source == null) {
      return null;
    }
    keys(source, "source", List.of("jdbc", "bigquery", "files"), Map.of());
    List<String> kinds = new ArrayList<>();
    for (String kind : List.of("jdbc", "bigquery", "files")) {
      if (source.hasNonNull(kind)) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      problem("source", "missing required value: give one of jdbc, bigquery, files");
      return null;
    }
    if (kinds.size() > 1) {
      problem("source", "give exactly one of jdbc, bigquery, files, not " + String.join(" and ", kinds));
    }
    SourceConfig result = null;
    ObjectNode jdbc = section(source, "jdbc", "source", false);
    if (jdbc != null) {
      JdbcSourceConfig parsed = jdbc(jdbc);
      result = parsed == null ? null : SourceConfig.of(parsed);
    }
    ObjectNode bigquery = section(source, "bigquery", "source", false);
    if (bigquery != null) {
      BigQuerySourceConfig parsed = bigquery(bigquery);
      result = parsed == null ? result : SourceConfig.of(parsed);
    }
    ObjectNode files = section(source, "files", "source", false);
    if (files != null) {
      FilesSourceConfig parsed = files(files);
      result = parsed == null ? result : SourceConfig.of(parsed);
    }
    return result;
  }

  private JdbcSourceConfig jdbc(ObjectNode node) {
    String path = "source.jdbc";
    keys(
        node,
        path,
        List.of("url", "driver", "user", "passwordEnv", "passwordFile", "query", "fetchSize"),
        Map.of("password", INLINE_PASSWORD));
    Optional<String> url = text(node, "url", path, true);
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:")) {
        problem(path + ".url", "expected a JDBC URL (jdbc:...), got '" + url.get() + "'");
      } else if (url.get().toLowerCase(Locale.ROOT).matches(".*[?&;:]password=.*")) {
        problem(path + ".url", INLINE_PASSWORD + " (remove password= from the URL)");
      }
    }
    Optional<String> driver = text(node, "driver", path, false);
    if (driver.isEmpty() && url.isPresent() && url.get().startsWith("jdbc:")) {
      if (url.get().startsWith("jdbc:postgresql:")) {
        driver = Optional.of(JdbcSourceConfig.POSTGRESQL_DRIVER);
      } else {
        problem(
            path + ".driver",
            "missing required value: the driver class is needed for a non-PostgreSQL URL");
      }
    }
    Optional<String> user = text(node, "user", path, false);
    Optional<SecretRef> password = secret(node, path, "passwordEnv", "passwordFile", false)
        .map(p -> p.getKey() ? SecretRef.fromEnv(p.getValue()) : SecretRef.fromFile(p.getValue()));
    Optional<String> query = text(node, "query", path, true);
    OptionalInt fetchSize = integer(node, "fetchSize", path);
    if (fetchSize.isPresent() && fetchSize.getAsInt() < 1) {
      problem(path + ".fetchSize", "must be at least 1, not " + fetchSize.getAsInt());
    }
    if (url.isEmpty() || driver.isEmpty() || query.isEmpty()) {
      return null;
    }
    return JdbcSourceConfig.create(
        url.get(),
        driver.get(),
        user,
        password,
        query.get(),
        fetchSize.orElse(JdbcSourceConfig.DEFAULT_FETCH_SIZE));
  }

  private BigQuerySourceConfig bigquery(ObjectNode node) {
    String path = "source.bigquery";
    keys(node, path, List.of("query", "table", "project", "location"), Map.of());
    Optional<String> query = text(node, "query", path, false);
    Optional<String> table = text(node, "table", path, false);
    Optional<String> project = text(node, "project", path, false);
    Optional<String> location = text(node, "location", path, false);
    if (query.isPresent() == table.isPresent()) {
      problem(
          path,
          query.isPresent()
              ? "give query or table, not both"
              : "missing required value: give query or table");
    }
    if (table.isPresent()
        && !table.get().matches("([A-Za-z0-9_.-]+[:.])?[A-Za-z0-9_-]+\\.[A-Za-z0-9_$-]+")) {
      problem(
          path + ".table",
          "expected [project:]dataset.table or project.dataset.table, got '" + table.get() + "'");
    }
    return BigQuerySourceConfig.create(query, table, project, location);
  }

  private FilesSourceConfig files(ObjectNode node) {
    String path = "source.files";
    keys(node, path, List.of("glob", "format"), Map.of());
    Optional<String> glob = text(node, "glob", path, true);
    Optional<FileFormat> format =
        enumValue(node, "format", path, true, FileFormat.class, "format", s -> s);
    if (glob.isEmpty() || format.isEmpty()) {
      return null;
    }
    return FilesSourceConfig.create(glob.get(), format.get());
  }

  private List<MappingEntry> mapping(ObjectNode root) {
    JsonNode node = root.get("mapping");
    List<MappingEntry> entries = new ArrayList<>();
    if (node == null || node.isNull()) {
      problem("mapping", "missing required value: map at least one column");
      return entries;
    }
    if (!node.isArray()) {
      problem(
          "mapping",
          "expected a list of {column, attribute, type, create} items, got " + describe(node));
      return entries;
    }
    if (node.isEmpty()) {
      problem("mapping", "must map at least one column");
    }
    Map<String, Integer> byAttribute = new LinkedHashMap<>();
    Map<String, String> columnOf = new LinkedHashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "mapping[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        problem(path, "expected {column, attribute, type, create}, got " + describe(item));
        continue;
      }
      ObjectNode object = (ObjectNode) item;
      keys(object, path, List.of("column", "attribute", "type", "create"), Map.of());
      Optional<String> column = text(object, "column", path, true);
      Optional<String> attribute = text(object, "attribute", path, true);
      Optional<AttributeType> type =
          enumValue(object, "type", path, false, AttributeType.class, "type", s -> s);
      Optional<Boolean> create = bool(object, "create", path);
      if (attribute.isPresent()) {
        Integer previous = byAttribute.putIfAbsent(attribute.get(), i);
        if (previous != null) {
          problem(
              path + ".attribute",
              "attribute '"
                  + attribute.get()
                  + "' is already fed by column '"
                  + columnOf.get(attribute.get())
                  + "' (mapping["
                  + previous
                  + "]): two columns cannot feed one attribute");
          continue;
        }
        column.ifPresent(c -> columnOf.put(attribute.get(), c));
      }
      if (column.isPresent() && attribute.isPresent()) {
        entries.add(MappingEntry.of(column.get(), attribute.get(), type, create.orElse(false)));
      }
    }
    return entries;
  }

  private void checkKey(String keyColumn, List<MappingEntry> mapping) {
    List<String> attributes =
        mapping.stream()
            .filter(e -> e.column().equals(keyColumn))
            .map(MappingEntry::attribute)
            .collect(Collectors.toList());
    if (attributes.isEmpty() && !mapping.isEmpty()) {
      problem(
          "key",
          "key column '" + keyColumn + "' is not mapped: add a mapping item with column: " + keyColumn);
    } else if (attributes.size() > 1) {
      problem(
          "key",
          "key column '"
              + keyColumn
              + "' feeds several attributes ("
              + String.join(", ", attributes)
              + "): it must feed exactly one, the table's primary key");
    }
  }

  private TargetConfig target(ObjectNode root) {
    String path = "target";
    ObjectNode node = section(root, "target", "", true);
    if (node == null) {
      return null;
    }
    keys(
        node,
        path,
        List.of("environment", "baseUrl", "entity", "table", "apiKeyEnv", "apiKeyFile", "pathStyle", "timeZone"),
        Map.of("apiKey", INLINE_API_KEY));
    Optional<ActitoEnvironment> environment =
        enumValue(
            node,
            "environment",
            path,
            false,
            ActitoEnvironment.class,
            "environment",
            s -> s.replace('-', '_'));
    Optional<String> baseUrl = text(node, "baseUrl", path, false);
    boolean environmentGiven = node.hasNonNull("environment");
    if (environmentGiven && baseUrl.isPresent()) {
      problem(path, "give environment or baseUrl, not both");
    } else if (!environmentGiven && baseUrl.isEmpty()) {
      problem(path, "missing required value: give environment or baseUrl");
    }
    if (baseUrl.isPresent()
        && !baseUrl.get().startsWith("https://")
        && !baseUrl.get().startsWith("http://")) {
      problem(path + ".baseUrl", "must start with http:// or https://, got '" + baseUrl.get() + "'");
    }
    Optional<String> entity = text(node, "entity", path, true);
    Optional<String> table = text(node, "table", path, true);
    ZoneId timeZone = timeZone(node, path);
    Optional<Map.Entry<Boolean, String>> apiKey =
        secret(node, path, "apiKeyEnv", "apiKeyFile", true);
    Optional<PathStyle> pathStyle =
        enumValue(node, "pathStyle", path, false, PathStyle.class, "path style", s -> s);
    Optional<String> url = environment.map(ActitoEnvironment::baseUrl).or(() -> baseUrl);
    if (url.isEmpty() || entity.isEmpty() || table.isEmpty() || apiKey.isEmpty()) {
      return null;
    }
    String trimmedUrl = url.get().replaceAll("/+$", "");
    ApiKey key =
        apiKey.get().getKey()
            ? ApiKey.fromEnv(apiKey.get().getValue())
            : ApiKey.fromFile(apiKey.get().getValue());
    return TargetConfig.create(
        environment, trimmedUrl, entity.get(), table.get(), key, pathStyle.orElse(PathStyle.PREFIXED),
        timeZone);
  }

  /** {@code target.timeZone}: a zone id ({@code Europe/Brussels}), UTC when not given. */
  private ZoneId timeZone(ObjectNode node, String path) {
    Optional<String> id = text(node, "timeZone", path, false);
    if (id.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id.get().trim());
    } catch (DateTimeException e) {
      problem(path + ".timeZone", "unknown time zone '" + id.get()
          + "': give an IANA zone id such as UTC or Europe/Brussels");
      return ZoneOffset.UTC;
    }
  }

  private ProfilesConfig profiles(ObjectNode root, List<MappingEntry> mapping) {
    String path = "profiles";
    ObjectNode node = section(root, "profiles", "", false);
    if (node == null) {
      return ProfilesConfig.create(
          false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }
    keys(
        node,
        path,
        List.of("insertMissing", "table", "linkAttribute", "profileAttribute", "attributes"),
        Map.of());
    boolean insertMissing = bool(node, "insertMissing", path).orElse(false);
    Optional<String> table = text(node, "table", path, insertMissing);
    Optional<String> link = text(node, "linkAttribute", path, insertMissing);
    Optional<String> profileAttribute = text(node, "profileAttribute", path, insertMissing);
    List<String> mapped = mapping.stream().map(MappingEntry::attribute).collect(Collectors.toList());
    link.filter(a -> !mapped.isEmpty() && !mapped.contains(a))
        .ifPresent(a -> problem(path + ".linkAttribute", "'" + a + "' is not a mapped attribute"));
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, ProfileColumn> columns = new LinkedHashMap<>();
    ObjectNode attributesNode = section(node, "attributes", path, false);
    if (attributesNode != null) {
      for (Iterator<String> it = attributesNode.fieldNames(); it.hasNext(); ) {
        String profileAttr = it.next();
        String itemPath = path + ".attributes." + profileAttr;
        if (profileAttribute.filter(profileAttr::equals).isPresent()) {
          problem(itemPath, "'" + profileAttr + "' is the profileAttribute: it always takes the link's value");
          continue;
        }
        if (attributesNode.get(profileAttr).isObject()) {
          ObjectNode item = (ObjectNode) attributesNode.get(profileAttr);
          keys(item, itemPath, List.of("column", "type"), Map.of());
          Optional<String> column = text(item, "column", itemPath, true);
          Optional<AttributeType> type =
              enumValue(item, "type", itemPath, false, AttributeType.class, "type", s -> s);
          column.ifPresent(c -> columns.put(profileAttr, ProfileColumn.of(c, type)));
          continue;
        }
        Optional<String> recordAttr = text(attributesNode, profileAttr, path + ".attributes", true);
        if (recordAttr.isPresent()) {
          if (!mapped.isEmpty() && !mapped.contains(recordAttr.get())) {
            problem(
                itemPath,
                "'" + recordAttr.get() + "' is not a mapped attribute (for a segment column used only"
                    + " for profiles, write {column: COLUMN})");
          }
          attributes.put(profileAttr, recordAttr.get());
        }
      }
    }
    return ProfilesConfig.create(insertMissing, table, link, profileAttribute, attributes, columns);
  }

  private SnapshotConfig snapshot(ObjectNode root) {
    String path = "snapshot";
    ObjectNode node = section(root, "snapshot", "", true);
    if (node == null) {
      return null;
    }
    keys(node, path, List.of("root", "retention"), Map.of());
    Optional<String> snapshotRoot = text(node, "root", path, true);
    OptionalInt retention = integer(node, "retention", path);
    if (retention.isPresent() && retention.getAsInt() < 1) {
      problem(path + ".retention", "must be at least 1, not " + retention.getAsInt());
    }
    return snapshotRoot
        .map(r -> SnapshotConfig.create(r, retention.orElse(SnapshotConfig.DEFAULT_RETENTION)))
        .orElse(null);
  }

  private WriteSettings write(ObjectNode root) {
    String path = "write";
    ObjectNode node = section(root, "write", "", false);
    if (node == null) {
      return WriteSettings.defaults();
    }
    keys(node, path, List.of("concurrency", "callsPerMinute", "strategy", "bulk"), Map.of());
    OptionalInt concurrency = integer(node, "concurrency", path);
    if (concurrency.isPresent()
        && (concurrency.getAsInt() < 1 || concurrency.getAsInt() > WriteSettings.MAX_CONCURRENCY)) {
      problem(
          path + ".concurrency",
          "must be between 1 and "
              + WriteSettings.MAX_CONCURRENCY
              + " (Actito allows at most "
              + WriteSettings.MAX_CONCURRENCY
              + " concurrent requests per licence), not "
              + concurrency.getAsInt());
    }
    OptionalDouble callsPerMinute = number(node, "callsPerMinute", path);
    if (callsPerMinute.isPresent()
        && !(callsPerMinute.getAsDouble() > 0
            && callsPerMinute.getAsDouble() <= WriteSettings.MAX_CALLS_PER_MINUTE)) {
      problem(
          path + ".callsPerMinute",
          "must be above 0 and at most 100 (Actito's limit per licence), not "
              + plain(callsPerMinute.getAsDouble()));
    }
    Optional<Strategy> strategy =
        enumValue(node, "strategy", path, false, Strategy.class, "strategy", s -> s);
    ObjectNode bulkNode = section(node, "bulk", path, false);
    return WriteSettings.create(
        concurrency.orElse(WriteSettings.DEFAULT_CONCURRENCY),
        callsPerMinute.orElse(WriteSettings.DEFAULT_CALLS_PER_MINUTE),
        strategy.orElse(Strategy.AUTO),
        bulkNode == null ? BulkSettings.defaults() : bulk(bulkNode));
  }

  /** {@code write.bulk}; reads and checks the template and contract files it names. */
  private BulkSettings bulk(ObjectNode node) {
    String path = "write.bulk";
    keys(node, path, List.of("etlId", "definitionTemplate", "reportRecipients", "contract"), Map.of());
    Optional<String> etlId = text(node, "etlId", path, false);
    Optional<String> templateFile = text(node, "definitionTemplate", path, false);
    Optional<String> contractFile = text(node, "contract", path, false);
    List<String> recipients = new ArrayList<>();
    JsonNode list = node.get("reportRecipients");
    if (list != null && !list.isNull()) {
      List<JsonNode> items = new ArrayList<>();
      if (list.isArray()) {
        list.forEach(items::add);
      } else if (list.isTextual()) {
        Arrays.stream(list.asText().split(",")).map(String::trim).filter(t -> !t.isEmpty())
            .forEach(t -> items.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(t)));
      } else {
        problem(path + ".reportRecipients", "expected a list of e-mail addresses, got " + describe(list));
      }
      for (JsonNode item : items) {
        if (item.isTextual() && BulkFiles.EMAIL.matcher(item.asText()).matches()) {
          recipients.add(item.asText());
        } else {
          problem(path + ".reportRecipients", "not an e-mail address: " + item);
        }
      }
    }
    BulkSettings defaults = BulkSettings.defaults();
    var template = templateFile.flatMap(file -> BulkFiles.load(file,
        org.actitosync.actito.etl.EtlDefinitionTemplate::of,
        message -> problem(path + ".definitionTemplate", message)));
    var contract = contractFile.flatMap(file -> BulkFiles.load(file,
        text -> org.actitosync.actito.etl.EtlContract.fromJson(text, defaults.contract()),
        message -> problem(path + ".contract", message)));
    return BulkSettings.create(etlId, templateFile, template.orElse(defaults.definitionTemplate()),
        recipients, contractFile, contract.orElse(defaults.contract()));
  }

  private Map<String, Object> warnings(ObjectNode root) {
    ObjectNode node = section(root, "warnings", "", false);
    if (node == null) {
      return Collections.emptyMap();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) toPlain(node);
    problems.addAll(WarningsSectionParser.problems(plain));
    return plain;
  }

  /** Jackson tree → immutable plain Java (Map, List, String, Long, BigDecimal, Boolean, null). */
  private static Object toPlain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toPlain(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toPlain(n)));
      return Collections.unmodifiableList(list);
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  // --- field readers: each records its problem and returns empty ---------------------------------

  private void problem(String path, String message) {
    problems.add(ConfigProblem.of(path, message));
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  private void keys(
      ObjectNode node, String path, List<String> allowed, Map<String, String> inlineSecrets) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (allowed.contains(key)) {
        continue;
      }
      if (inlineSecrets.containsKey(key)) {
        problem(join(path, key), inlineSecrets.get(key));
      } else {
        problem(join(path, key), "unknown key; expected one of: " + String.join(", ", allowed));
      }
    }
  }

  private ObjectNode section(ObjectNode parent, String key, String parentPath, boolean required) {
    JsonNode node = parent.get(key);
    String path = join(parentPath, key);
    if (node == null || node.isNull()) {
      if (required) {
        problem(path, "missing required section");
      }
      return null;
    }
    if (!node.isObject()) {
      problem(path, "expected a mapping (key: value), got " + describe(node));
      return null;
    }
    return (ObjectNode) node;
  }

  private Optional<String> text(ObjectNode parent, String key, String parentPath, boolean required) {
    JsonNode node = parent.get(key);
    String path = join(parentPath, key);
    if (node == null || node.isNull()) {
      if (required) {
        problem(path, "missing required value");
      }
      return Optional.empty();
    }
    if (node.isContainerNode()) {
      problem(path, "expected text, got " + describe(node));
      return Optional.empty();
    }
    String text = node.asText();
    if (text.isBlank()) {
      if (required) {
        problem(path, "must not be empty");
      }
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private OptionalInt integer(ObjectNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    String path = join(parentPath, key);
    if (node == null || node.isNull()) {
      return OptionalInt.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return OptionalInt.of(node.intValue());
    }
    if (node.isTextual() && node.asText().trim().matches("[-+]?[0-9]{1,9}")) {
      return OptionalInt.of(Integer.parseInt(node.asText().trim()));
    }
    problem(path, "expected a whole number, got " + describe(node));
    return OptionalInt.empty();
  }

  private OptionalDouble number(ObjectNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    String path = join(parentPath, key);
    if (node == null || node.isNull()) {
      return OptionalDouble.empty();
    }
    if (node.isNumber()) {
      return OptionalDouble.of(node.doubleValue());
    }
    if (node.isTextual()) {
      try {
        double value = Double.parseDouble(node.asText().trim());
        if (Double.isFinite(value)) {
          return OptionalDouble.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(path, "expected a number, got " + describe(node));
    return OptionalDouble.empty();
  }

  private Optional<Boolean> bool(ObjectNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    String path = join(parentPath, key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isTextual()) {
      switch (node.asText().trim().toLowerCase(Locale.ROOT)) {
        case "true":
        case "on":
        case "yes":
          return Optional.of(true);
        case "false":
        case "off":
        case "no":
          return Optional.of(false);
        default:
          break;
      }
    }
    problem(path, "expected true or false (or on/off), got " + describe(node));
    return Optional.empty();
  }

  private <E extends Enum<E>> Optional<E> enumValue(
      ObjectNode parent,
      String key,
      String parentPath,
      boolean required,
      Class<E> type,
      String what,
      Function<String, String> normalise) {
    Optional<String> text = text(parent, key, parentPath, required);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String wanted = normalise.apply(text.get().trim()).toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return Optional.of(constant);
      }
    }
    String expected =
        Arrays.stream(type.getEnumConstants())
            .map(c -> type == FileFormat.class ? ((FileFormat) c).configName() : c.name())
            .collect(Collectors.joining(", "));
    problem(
        join(parentPath, key),
        "unknown " + what + " '" + text.get() + "'; expected one of: " + expected);
    return Optional.empty();
  }

  /**
   * A secret's location: exactly one of {@code envKey} / {@code fileKey}; true → environment
   * variable, false → file.
   */
  private Optional<Map.Entry<Boolean, String>> secret(
      ObjectNode node, String path, String envKey, String fileKey, boolean required) {
    Optional<String> env = text(node, envKey, path, false);
    Optional<String> file = text(node, fileKey, path, false);
    if (env.isPresent() && file.isPresent()) {
      problem(path, "give " + envKey + " or " + fileKey + ", not both");
      return Optional.empty();
    }
    if (env.isEmpty() && file.isEmpty()) {
      if (required) {
        problem(path, "missing required value: give " + envKey + " or " + fileKey);
      }
      return Optional.empty();
    }
    return env.isPresent() ? Optional.of(Map.entry(true, env.get())) : Optional.of(Map.entry(false, file.get()));
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    return node.asText();
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
