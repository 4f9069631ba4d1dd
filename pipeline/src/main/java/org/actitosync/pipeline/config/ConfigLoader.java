package org.actitosync.pipeline.config;

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
import java.util.Optional;
import org.actitosync.pipeline.cli.RunOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line of an activation: {@code --config=FILE}, one option per setting of the schema
 * ({@link ConfigSchema#options()}) overriding the file, {@code --help}; every other argument is
 * passed through to Beam's PipelineOptions. The overrides go through the same validation as the
 * file. picocli is the one parser of our options.
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
   * @throws ConfigException every problem found, each with its path; only the one problem when
   *     the command line cannot be parsed or the file cannot be read (nothing follows from it)
   */
  public static LoadedConfig load(String[] args) throws ConfigException {
    CommandLine commandLine = newCommandLine();
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(ConfigProblem.of("", "command line: " + e.getMessage()));
    }
    ObjectNode tree = parsed.hasMatchedOption("--config")
        ? readConfig(parsed.matchedOptionValue("--config", ""))
        : ConfigParser.emptyTree();
    List<ConfigProblem> problems = new ArrayList<>();
    Overrides.apply(tree, parsed, problems);
    List<String> pipelineArgs = Overrides.passThrough(tree, commandLine.getUnmatchedArguments(), problems);
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

  /** The file's tree; a file that cannot be read or is not YAML is the one problem reported. */
  private static ObjectNode readConfig(String file) throws ConfigException {
    String text;
    try {
      text = read(file);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(ConfigProblem.of("config", "cannot read '" + file + "': " + describe(e)));
    }
    return ConfigParser.readYaml(text, file);
  }

  /**
   * Our command line: {@code --config}, one option per setting of the schema ({@link
   * ConfigSchema#options()}), {@code --help}. Unmatched arguments are kept (Beam's). This is the
   * one place where options are added to the command.
   */
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
    for (ConfigOption setting : ConfigSchema.options()) {
      OptionSpec.Builder option = OptionSpec.builder(setting.optionName()).paramLabel(setting.label());
      // "$${" keeps a literal ${...} (picocli would interpolate it)
      String description = (setting.description() + " Default: " + setting.defaultText() + ".").replace("${", "$${");
      if (setting.shape() == ConfigOption.Shape.VALUE) {
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

  private static String describe(Exception e) {
    return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
  }
}
