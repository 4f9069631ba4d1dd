package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * Writes the command line's settings into the config tree before validation, as text (the schema
 * then reads {@code "5"} as 5): {@code --path=VALUE} replaces a value, {@code --mapping} items
 * replace the mapping, {@code --profiles.attributes} items the map, {@code --warnings=KEY=VALUE}
 * items are merged into the section; an empty {@code --path=} removes the file's value. An unknown {@code --section.key=...} of a config section is
 * written too, so the schema reports it with its path like the same key in the file. Pure.
 */
final class Overrides {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Overrides() {}

  /** Applies every option of {@link ConfigSchema#options()} matched in {@code parsed}. */
  static void apply(ObjectNode tree, ParseResult parsed, List<ConfigProblem> problems) {
    for (ConfigOption option : ConfigSchema.options()) {
      if (parsed.hasMatchedOption(option.optionName())) {
        Object value = parsed.matchedOption(option.optionName()).getValue();
        @SuppressWarnings("unchecked")
        List<String> values = value instanceof List ? (List<String>) value : List.of(String.valueOf(value));
        apply(tree, option, values, problems);
      }
    }
  }

  /**
   * Writes the unmatched arguments that name a config section into {@code tree}; returns the
   * others, in order (Beam's).
   */
  static List<String> passThrough(ObjectNode tree, List<String> unmatched, List<ConfigProblem> problems) {
    List<String> pipelineArgs = new ArrayList<>();
    for (String arg : unmatched) {
      String path = ourPath(arg);
      if (path == null) {
        pipelineArgs.add(arg);
      } else {
        int eq = arg.indexOf('=');
        setNode(tree, path, NODES.textNode(eq < 0 ? "" : arg.substring(eq + 1)), problems);
      }
    }
    return pipelineArgs;
  }

  /** The config path an unmatched {@code --a.b=c} targets, or null when it is not ours. */
  private static String ourPath(String arg) {
    if (!arg.startsWith("--")) {
      return null;
    }
    int eq = arg.indexOf('=');
    String name = arg.substring(2, eq < 0 ? arg.length() : eq);
    int dot = name.indexOf('.');
    String section = dot < 0 ? name : name.substring(0, dot);
    // the file's runner section (read by schedulers) has no override: --runner is Beam's option
    return ConfigSchema.topLevelKeys().contains(section) && !section.equals("runner") ? name : null;
  }

  private static void apply(ObjectNode tree, ConfigOption option, List<String> values, List<ConfigProblem> problems) {
    switch (option.shape()) {
      case VALUE: {
        String value = values.get(values.size() - 1);
        setNode(tree, option.path(), value.isEmpty() ? null : NODES.textNode(value), problems);
        break;
      }
      case PROFILE_ATTRIBUTES: {
        ObjectNode map = NODES.objectNode();
        for (String value : values) {
          Map.Entry<String, String> kv = keyValue(option, value, problems);
          if (kv != null) {
            ProfileAttributeOption.put(map, option.path(), kv.getKey(), kv.getValue(), problems);
          }
        }
        setNode(tree, option.path(), map, problems);
        break;
      }
      case MERGED_MAP:
        for (String value : values) {
          Map.Entry<String, String> kv = keyValue(option, value, problems);
          if (kv != null) {
            setNode(tree, option.path() + "." + kv.getKey(), NODES.textNode(kv.getValue()), problems);
          }
        }
        break;
      case MAPPING:
        tree.set(option.path(), mapping(option, values, problems));
        break;
      default:
        throw new AssertionError(option.shape());
    }
  }

  /** {@code COLUMN=ATTRIBUTE[:TYPE][:create]} items. */
  private static ArrayNode mapping(ConfigOption option, List<String> values, List<ConfigProblem> problems) {
    ArrayNode list = NODES.arrayNode();
    for (String value : values) {
      Map.Entry<String, String> kv = keyValue(option, value, problems);
      if (kv == null) {
        continue;
      }
      ObjectNode item = list.addObject();
      item.put("column", kv.getKey());
      String[] parts = kv.getValue().split(":", -1);
      item.put("attribute", parts[0]);
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].equalsIgnoreCase("create")) {
          item.put("create", true);
        } else {
          item.put("type", parts[i]);
        }
      }
    }
    return list;
  }

  private static Map.Entry<String, String> keyValue(ConfigOption option, String value, List<ConfigProblem> problems) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      problems.add(ConfigProblem.of(option.path(),
          "expected " + option.label() + " on the command line, got '" + value + "'"));
      return null;
    }
    return Map.entry(value.substring(0, eq), value.substring(eq + 1));
  }

  /** Sets (or, when {@code value} is null, removes) the value at {@code dottedPath}. */
  private static void setNode(ObjectNode tree, String dottedPath, JsonNode value, List<ConfigProblem> problems) {
    String[] segments = dottedPath.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < segments.length - 1; i++) {
      JsonNode child = node.get(segments[i]);
      if (child == null || child.isNull()) {
        node = node.putObject(segments[i]);
      } else if (child.isObject()) {
        node = (ObjectNode) child;
      } else {
        String path = String.join(".", Arrays.copyOfRange(segments, 0, i + 1));
        problems.add(ConfigProblem.of(path,
            "cannot override --" + dottedPath + ": " + path + " is not a section in the config"));
        return;
      }
    }
    if (value == null) {
      node.remove(segments[segments.length - 1]);
    } else {
      node.set(segments[segments.length - 1], value);
    }
  }
}
