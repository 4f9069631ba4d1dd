package org.actitosync.runners.dataflow;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.actitosync.actito.ActitoEnvironment;
import org.actitosync.actito.PathStyle;
import org.actitosync.classify.SyncMode;
import org.actitosync.pipeline.config.FileFormat;
import org.actitosync.pipeline.config.ConfigOption;
import org.actitosync.pipeline.config.ConfigSchema;
import org.actitosync.pipeline.cli.RunOptions;
import org.actitosync.write.Strategy;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Generates the Flex Template's {@code metadata.json} from the options themselves: {@code config},
 * every {@link Setting#ALL} entry, the run options ({@link RunOptions}) and this runner's ({@link
 * SecretManagerOptions}). Each parameter gets a label, help text (description and default) and a
 * validation regex. {@code TemplateMetadataTest} fails when the committed file is stale; to
 * regenerate: {@code java -cp <jar> org.actitosync.runners.dataflow.TemplateMetadata
 * runners/dataflow/metadata.json}.
 */
public final class TemplateMetadata {
  public static final String NAME = "actito-sync";

  /** The Beam option interfaces whose (non-hidden) options become parameters, after the run options. */
  public static final List<Class<? extends PipelineOptions>> OPTION_INTERFACES = List.of(SecretManagerOptions.class);

  static final String ANY_TEXT = "^[\\s\\S]+$";
  static final String NO_SPACE = "^\\S+$";
  static final String COUNT = "^[0-9]+$";
  static final String KEY_VALUE = "^[^=]+=[\\s\\S]*$";

  /** Regexes of the settings whose values have a known form; others take any text. */
  private static final Map<String, String> SETTING_REGEXES =
      Map.ofEntries(
          Map.entry("name", "^[A-Za-z0-9._-]+$"),
          Map.entry("source.jdbc.url", "^jdbc:\\S+$"),
          Map.entry("source.jdbc.driver", "^[A-Za-z_$][A-Za-z0-9_$.]*$"),
          Map.entry("source.jdbc.passwordEnv", "^[A-Za-z_][A-Za-z0-9_]*$"),
          Map.entry("source.jdbc.passwordFile", NO_SPACE),
          Map.entry("source.jdbc.fetchSize", "^[1-9][0-9]*$"),
          Map.entry("source.jdbc.partitions", "^[1-9][0-9]*$"),
          Map.entry("source.bigquery.table", "^([A-Za-z0-9_.-]+[:.])?[A-Za-z0-9_-]+\\.[A-Za-z0-9_$-]+$"),
          Map.entry("source.bigquery.project", "^[a-z][a-z0-9.:-]*[a-z0-9]$"),
          Map.entry("source.bigquery.location", "^[A-Za-z0-9-]+$"),
          Map.entry("source.files.glob", NO_SPACE),
          Map.entry("source.files.format", oneOf(FileFormat.values())),
          Map.entry("mode", oneOf(SyncMode.values())),
          Map.entry("target.environment", "(?i)^(" + Arrays.stream(ActitoEnvironment.values())
              .map(e -> e.name().replace("_", "[_-]")).collect(Collectors.joining("|")) + ")$"),
          Map.entry("target.baseUrl", "^https?://\\S+$"),
          Map.entry("target.timeZone", "^[A-Za-z0-9/_+:-]+$"),
          Map.entry("target.apiKeyEnv", "^[A-Za-z_][A-Za-z0-9_]*$"),
          Map.entry("target.apiKeyFile", NO_SPACE),
          Map.entry("target.pathStyle", oneOf(PathStyle.values())),
          Map.entry("profiles.insertMissing", "(?i)^(true|false|on|off|yes|no)$"),
          Map.entry("snapshot.root", NO_SPACE),
          Map.entry("snapshot.retention", "^[1-9][0-9]*$"),
          Map.entry("write.concurrency", "^[1-9][0-9]*$"),
          Map.entry("write.callsPerMinute", "^[1-9][0-9]*$"),
          Map.entry("write.strategy", oneOf(Strategy.values())),
          Map.entry("write.bulk.etlId", NO_SPACE),
          Map.entry("write.bulk.definitionTemplate", NO_SPACE),
          Map.entry("write.bulk.reportRecipients",
              "^[^@\\s,]+@[^@\\s,]+(\\s*,\\s*[^@\\s,]+@[^@\\s,]+)*$"),
          Map.entry("write.bulk.contract", NO_SPACE),
          Map.entry("schedule", "^\\S+( +\\S+){4}$"));

  private static final Map<String, String> OPTION_REGEXES =
      Map.of(
          "runId", "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
          "apiKeySecret", SecretVersionName.REGEX,
          "jdbcPasswordSecret", SecretVersionName.REGEX);

  private TemplateMetadata() {}

  /** Writes the metadata to the file named by {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Files.writeString(Paths.get(args[0]), json(), StandardCharsets.UTF_8);
  }

  /** The metadata as written to {@code metadata.json} (2-space indent, trailing newline). */
  public static String json() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(generate()) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode generate() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("name", NAME);
    root.put("description",
        "Keeps an Actito custom table in step with a warehouse segment (one activation per run). Give"
            + " the activation as a YAML file (config=gs://...) and/or one parameter per setting.");
    ArrayNode parameters = root.putArray("parameters");
    parameter(parameters, "config", "Activation config file",
        "The activation's YAML config file, local or gs://BUCKET/PATH. Every other setting overrides it.",
        NO_SPACE);
    for (ConfigOption setting : ConfigSchema.options()) {
      String help = setting.description() + " Default: " + setting.defaultText() + ".";
      String regex = SETTING_REGEXES.get(setting.path());
      if (setting.shape() != ConfigOption.Shape.VALUE) {
        help += " Format " + setting.label() + "; one item per template parameter (give lists in the config file).";
        regex = KEY_VALUE;
      }
      parameter(parameters, setting.path(), label(setting.path()) + " (" + setting.label() + ")", help,
          regex == null ? ANY_TEXT : regex);
    }
    for (OptionSpec option : runOptions()) {
      String name = option.longestName().substring(2);
      boolean flag = option.type() == boolean.class;
      String help = String.join(" ", option.description()) + (flag ? " Default: false." : "");
      String regex = OPTION_REGEXES.getOrDefault(name,
          flag ? "^(true|false)$" : option.type() == int.class ? COUNT : ANY_TEXT);
      parameter(parameters, name, label(name), help, regex);
    }
    for (Class<? extends PipelineOptions> options : OPTION_INTERFACES) {
      for (Method getter : getters(options)) {
        String name = propertyName(getter);
        String help = getter.getAnnotation(Description.class).value() + defaultText(getter);
        String regex = OPTION_REGEXES.get(name);
        if (regex == null) {
          Class<?> type = getter.getReturnType();
          regex = type == boolean.class || type == Boolean.class ? "^(true|false)$"
              : type == int.class || type == Integer.class ? COUNT : ANY_TEXT;
        }
        parameter(parameters, name, label(name), help, regex);
      }
    }
    return root;
  }

  /** The run options ({@link RunOptions}, picocli), by name. */
  static List<OptionSpec> runOptions() {
    return RunOptions.mixin().options().stream()
        .sorted(Comparator.comparing(OptionSpec::longestName))
        .collect(Collectors.toList());
  }

  /** The interface's own non-hidden option getters, by name. */
  static List<Method> getters(Class<? extends PipelineOptions> options) {
    return Arrays.stream(options.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && m.isAnnotationPresent(Description.class))
        .filter(m -> !m.isAnnotationPresent(Hidden.class))
        .sorted(Comparator.comparing(TemplateMetadata::propertyName))
        .collect(Collectors.toList());
  }

  static String propertyName(Method getter) {
    String name = getter.getName();
    return Introspector.decapitalize(name.substring(name.startsWith("is") ? 2 : 3));
  }

  private static String defaultText(Method getter) {
    if (getter.isAnnotationPresent(Default.Boolean.class)) {
      return " Default: " + getter.getAnnotation(Default.Boolean.class).value() + ".";
    }
    if (getter.isAnnotationPresent(Default.Integer.class)) {
      return " Default: " + getter.getAnnotation(Default.Integer.class).value() + ".";
    }
    if (getter.isAnnotationPresent(Default.String.class)) {
      return " Default: " + getter.getAnnotation(Default.String.class).value() + ".";
    }
    return "";
  }

  private static void parameter(ArrayNode parameters, String name, String label, String help, String regex) {
    ObjectNode p = parameters.addObject();
    p.put("name", name);
    p.put("label", label);
    p.put("helpText", help);
    p.put("isOptional", true);
    p.putArray("regexes").add(regex);
  }

  /** {@code source.jdbc.fetchSize} → {@code Source JDBC fetch size}. */
  static String label(String path) {
    String words = Arrays.stream(path.replaceAll("([a-z])([A-Z])", "$1 $2").split("[. ]"))
        .map(w -> w.toLowerCase(Locale.ROOT))
        .map(w -> List.of("jdbc", "api", "url", "id", "etl").contains(w) ? w.toUpperCase(Locale.ROOT) : w)
        .map(w -> w.equals("bigquery") ? "BigQuery" : w)
        .collect(Collectors.joining(" "));
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String oneOf(Enum<?>[] values) {
    return "(?i)^(" + Arrays.stream(values).map(Enum::name).collect(Collectors.joining("|")) + ")$";
  }
}
