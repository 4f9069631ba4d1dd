package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actitosync.pipeline.cli.RunOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line of an activation: {@code --config=FILE}, one option per setting ({@link
 * Setting#ALL}) overriding the file, {@code --help}; every other argument is passed through to
 * Beam's PipelineOptions. The overrides go through the same validation as the file.
 *
 * <pre>{@code
 * Optional<String> help = ConfigLoader.helpText(args);    // print it and exit 0 when present
 * LoadedConfig loaded = ConfigLoader.load(args);         // throws ConfigException (all problems)
 * PipelineOptions options = PipelineOptionsFactory.fromArgs(loaded.pipelineArgsArray()).create();
 * }</pre>
 *
 * <p>An unknown option whose name starts with a config section ({@code --write.concurency=3},
 * {@code --source.jdbc.password=...}) is not passed to Beam: it is reported like the same key in
 * the file (unknown key, secret given inline) with its path.
 */
public final class ConfigLoader {
  public static final String COMMAND = "actito-sync";

  private ConfigLoader() {}

  /** The usage text when {@code args} asks for help ({@code --help} or {@code -h}). */
  public static Optional<String> helpText(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return Optional.of(usage());
      }
    }
    return Optional.empty();
  }

  /** {@code --help}'s text: every option with its default. */
  public static String usage() {
    StringWriter out = new StringWriter();
    newCommandLine().usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
    return out.toString();
  }

  /**
   * Reads {@code --config} (if given), applies the overrides, validates everything.
   *
   * @throws ConfigException every problem found, each with its path
   */
  public static LoadedConfig load(String[] args) throws ConfigException {
    CommandLine commandLine = newCommandLine();
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(ConfigProblem.of("", "command line: " + e.getMessage()));
    }
    List<ConfigProblem> problems = new ArrayList<>();
    ObjectNode tree = ConfigParser.emptyTree();
    if (parsed.hasMatchedOption("--config")) {
      String file = parsed.matchedOptionValue("--config", "");
      try {
        tree = ConfigParser.readYaml(read(file), file);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      } catch (IOException e) {
        problems.add(ConfigProblem.of("config", "cannot read '" + file + "': " + describe(e)));
      }
    }
    for (Setting setting : Setting.ALL) {
      if (parsed.hasMatchedOption(setting.optionName())) {
        Object value = parsed.matchedOption(setting.optionName()).getValue();
        @SuppressWarnings("unchecked")
        List<String> values =
            value instanceof List ? (List<String>) value : List.of(String.valueOf(value));
        apply(tree, setting, values, problems);
      }
    }
    List<String> pipelineArgs = new ArrayList<>();
    List<String> unmatched = commandLine.getUnmatchedArguments();
    for (String arg : unmatched) {
      String path = ourPath(arg);
      if (path == null) {
        pipelineArgs.add(arg);
      } else {
        int eq = arg.indexOf('=');
        setPath(tree, path, eq < 0 ? "" : arg.substring(eq + 1), problems);
      }
    }
    ActivationConfig config = null;
    try {
      config = ConfigParser.parse(tree);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return LoadedConfig.of(config, pipelineArgs, (RunOptions) commandLine.getMixins().get(RunOptions.MIXIN));
  }

  private static CommandLine newCommandLine() {
    CommandSpec spec = CommandSpec.create().name(COMMAND);
    spec.usageMessage()
        .description(
            "Keeps an Actito custom table in step with a warehouse segment (one activation per run).",
            "Settings come from --config and may each be overridden below; every other --option is"
                + " passed to Beam (e.g. --runner=FlinkRunner --flinkMaster=[local]).")
        .sortOptions(false);
    spec.addOption(
        OptionSpec.builder("--config")
            .paramLabel("FILE")
            .type(String.class)
            .description("The activation's YAML config file. Default: none (all settings on the command line).")
            .build());
    for (Setting setting : Setting.ALL) {
      OptionSpec.Builder option =
          OptionSpec.builder(setting.optionName()).paramLabel(setting.label());
      String description = setting.description() + " Default: " + setting.defaultText() + ".";
      if (setting.shape() == Setting.Shape.VALUE) {
        option.type(String.class);
      } else {
        option.type(List.class).auxiliaryTypes(String.class).arity("1");
        description = description + " Repeatable.";
      }
      spec.addOption(option.description(description).build());
    }
    spec.addMixin(RunOptions.MIXIN, RunOptions.mixin());
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Shows this help and exits.")
            .build());
    CommandLine commandLine = new CommandLine(spec);
    commandLine.setUnmatchedArgumentsAllowed(true);
    commandLine.setUnmatchedOptionsArePositionalParams(false);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setUsageHelpWidth(100);
    return commandLine;
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
    return ConfigParser.TOP_LEVEL.contains(section) && !section.equals("runner") ? name : null;
  }

  private static void apply(
      ObjectNode tree, Setting setting, List<String> values, List<ConfigProblem> problems) {
    switch (setting.shape()) {
      case VALUE:
        setPath(tree, setting.path(), values.get(values.size() - 1), problems);
        break;
      case MAP:
        {
          ObjectNode map = JsonNodeFactory.instance.objectNode();
          for (String value : values) {
            Map.Entry<String, String> kv = keyValue(setting, value, problems);
            if (kv != null) {
              map.put(kv.getKey(), kv.getValue());
            }
          }
          setNode(tree, setting.path(), map, problems);
          break;
        }
      case PROFILE_ATTRIBUTES:
        {
          ObjectNode map = JsonNodeFactory.instance.objectNode();
          for (String value : values) {
            Map.Entry<String, String> kv = keyValue(setting, value, problems);
            if (kv != null) {
              ProfileAttributeOption.put(map, setting.path(), kv.getKey(), kv.getValue(), problems);
            }
          }
          setNode(tree, setting.path(), map, problems);
          break;
        }
      case MERGED_MAP:
        for (String value : values) {
          Map.Entry<String, String> kv = keyValue(setting, value, problems);
          if (kv != null) {
            setPath(tree, setting.path() + "." + kv.getKey(), kv.getValue(), problems);
          }
        }
        break;
      case MAPPING:
        {
          ArrayNode list = JsonNodeFactory.instance.arrayNode();
          for (String value : values) {
            Map.Entry<String, String> kv = keyValue(setting, value, problems);
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
          tree.set("mapping", list);
          break;
        }
      default:
        throw new AssertionError(setting.shape());
    }
  }

  private static Map.Entry<String, String> keyValue(
      Setting setting, String value, List<ConfigProblem> problems) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      problems.add(
          ConfigProblem.of(
              setting.path(),
              "expected " + setting.label() + " on the command line, got '" + value + "'"));
      return null;
    }
    return Map.entry(value.substring(0, eq), value.substring(eq + 1));
  }

  private static void setPath(
      ObjectNode tree, String dottedPath, String value, List<ConfigProblem> problems) {
    setNode(tree, dottedPath, JsonNodeFactory.instance.textNode(value), problems);
  }

  private static void setNode(
      ObjectNode tree, String dottedPath, JsonNode value, List<ConfigProblem> problems) {
    String[] segments = dottedPath.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < segments.length - 1; i++) {
      JsonNode child = node.get(segments[i]);
      if (child == null || child.isNull()) {
        node = node.putObject(segments[i]);
      } else if (child.isObject()) {
        node = (ObjectNode) child;
      } else {
        String path = String.join(".", java.util.Arrays.copyOfRange(segments, 0, i + 1));
        problems.add(
            ConfigProblem.of(
                path,
                "cannot override --" + dottedPath + ": " + path + " is not a section in the config"));
        return;
      }
    }
    node.set(segments[segments.length - 1], value);
  }

  /** Reads a local file, or any Beam filesystem path (with a scheme) once filesystems are set up. */
  static String read(String file) throws IOException {
    if (!file.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      return Files.readString(Paths.get(file), StandardCharsets.UTF_8);
    }
    MatchResult.Metadata metadata = FileSystems.matchSingleFileSpec(file);
    try (var channel = FileSystems.open(metadata.resourceId());
        var in = Channels.newInputStream(channel)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
  }
}
