package org.actitosync.pipeline.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actitosync.pipeline.alert.AlertSettings;
import org.actitosync.pipeline.alert.EmailSettings;
import org.actitosync.pipeline.alert.WebhookSettings;
import org.actitosync.pipeline.warning.Check;
import org.actitosync.pipeline.warning.Threshold;
import org.actitosync.pipeline.warning.WarningSettings;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the config's {@code warnings} section (plain YAML values, or strings from {@code
 * --warnings=KEY=VALUE}) and reports every problem with its field path. A check takes a number (its
 * warning threshold), {@code off}, or {@code {warning: X, critical: Y}} where a level left out keeps
 * its default and {@code off} turns it off.
 */
public final class WarningsSectionParser {
  /** The guard thresholds of the same section, read by the launcher's guards. */
  public static final List<String> GUARD_KEYS =
      List.of("maxDeletes", "maxDeleteShare", "maxShrinkShare", "maxMappingUpdateShare");

  private final List<ConfigProblem> problems = new ArrayList<>();

  private WarningsSectionParser() {}

  /** The settings, or every problem of the section. */
  public static WarningsSection parse(Map<String, Object> section) throws ConfigException {
    WarningsSectionParser parser = new WarningsSectionParser();
    WarningsSection settings = parser.settings(section);
    if (!parser.problems.isEmpty()) {
      throw new ConfigException(parser.problems);
    }
    return settings;
  }

  /** The problems of the section (empty when it is valid). */
  public static List<ConfigProblem> problems(Map<String, Object> section) {
    WarningsSectionParser parser = new WarningsSectionParser();
    parser.settings(section);
    return List.copyOf(parser.problems);
  }

  private WarningsSection settings(Map<String, Object> section) {
    Map<Check, Threshold> thresholds = new EnumMap<>(Check.class);
    int averageRuns = WarningSettings.DEFAULT_AVERAGE_RUNS;
    WebhookSettings webhook = null;
    EmailSettings email = null;
    for (Map.Entry<String, Object> e : section.entrySet()) {
      String key = e.getKey();
      String path = "warnings." + key;
      if (GUARD_KEYS.contains(key)) {
        continue;
      }
      if (key.equals("webhook")) {
        webhook = webhook(map(path, e.getValue()), path);
        continue;
      }
      if (key.equals("email")) {
        email = email(map(path, e.getValue()), path);
        continue;
      }
      Check check = Check.forKey(key).orElse(null);
      if (check == null) {
        problems.add(ConfigProblem.of(path, "unknown key; expected one of: " + String.join(", ", allowedKeys())));
        continue;
      }
      Object value = e.getValue();
      if (value instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> levels = (Map<String, Object>) value;
        List<String> allowed = check == Check.ROWS_CHANGE
            ? List.of("warning", "critical", "runs") : List.of("warning", "critical");
        unknownKeys(levels, path, allowed);
        Threshold defaults = check.defaultThreshold();
        Double warning = levels.containsKey("warning")
            ? level(check, path + ".warning", levels.get("warning")) : defaults.warning();
        Double critical = levels.containsKey("critical")
            ? level(check, path + ".critical", levels.get("critical")) : defaults.critical();
        if (warning != null && critical != null && critical < warning) {
          problems.add(ConfigProblem.of(path, "critical (" + critical + ") is below warning (" + warning + ")"));
        }
        thresholds.put(check, Threshold.of(warning, critical));
        if (levels.containsKey("runs")) {
          Double runs = number(path + ".runs", levels.get("runs"));
          if (runs != null && (runs < 1 || runs != Math.rint(runs))) {
            problems.add(ConfigProblem.of(path + ".runs", "expected a whole number of runs of at least 1, got "
                + levels.get("runs")));
          } else if (runs != null) {
            averageRuns = runs.intValue();
          }
        }
      } else {
        thresholds.put(check, Threshold.of(level(check, path, value), null));
      }
    }
    return WarningsSection.of(WarningSettings.of(thresholds, averageRuns), AlertSettings.of(webhook, email));
  }

  private static List<String> allowedKeys() {
    List<String> keys = new ArrayList<>();
    Arrays.stream(Check.values()).forEach(c -> keys.add(c.key()));
    keys.addAll(GUARD_KEYS);
    keys.add("webhook");
    keys.add("email");
    return keys;
  }

  private @Nullable Double level(Check check, String path, @Nullable Object value) {
    if (isOff(value)) {
      return null;
    }
    Double number = number(path, value);
    if (number == null) {
      return null;
    }
    if (number < 0 || (check.isShare() && number > 1)) {
      problems.add(ConfigProblem.of(path, check.isShare()
          ? "expected a share between 0 and 1 (or off), got " + value
          : "expected a number of at least 0 (or off), got " + value));
      return null;
    }
    return number;
  }

  private static boolean isOff(@Nullable Object value) {
    return value == null
        || Boolean.FALSE.equals(value)
        || (value instanceof String && ((String) value).trim().toLowerCase(Locale.ROOT).matches("off|false|none"));
  }

  private @Nullable Double number(String path, @Nullable Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    try {
      double parsed = Double.parseDouble(String.valueOf(value).trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(ConfigProblem.of(path, "expected a number, got '" + value + "'"));
    return null;
  }

  private Map<String, Object> map(String path, Object value) {
    if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }
    problems.add(ConfigProblem.of(path, "expected a section (key: value pairs)"));
    return Map.of();
  }

  private void unknownKeys(Map<String, Object> map, String path, List<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(ConfigProblem.of(path + "." + key, "unknown key; expected one of: " + String.join(", ", allowed)));
      }
    }
  }

  private @Nullable WebhookSettings webhook(Map<String, Object> node, String path) {
    if (node.isEmpty()) {
      return null;
    }
    unknownKeys(node, path, List.of("url", "urlEnv", "urlFile", "timeoutSeconds", "attempts"));
    String url = text(node, "url");
    SecretRef secret = secret(node, path, "urlEnv", "urlFile");
    if ((url == null) == (secret == null)) {
      problems.add(ConfigProblem.of(path, "give exactly one of url, urlEnv, urlFile"));
    }
    if (url != null) {
      checkHttpUrl(path + ".url", url);
    }
    int timeout = whole(node, path, "timeoutSeconds", WebhookSettings.DEFAULT_TIMEOUT_SECONDS, 1, 300);
    int attempts = whole(node, path, "attempts", WebhookSettings.DEFAULT_ATTEMPTS, 1, 10);
    return WebhookSettings.of(url, secret, timeout, attempts);
  }

  private void checkHttpUrl(String path, String url) {
    try {
      URI uri = new URI(url);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        problems.add(ConfigProblem.of(path, "expected an http(s) URL with a host"));
      }
    } catch (java.net.URISyntaxException e) {
      problems.add(ConfigProblem.of(path, "not a URL: " + e.getReason()));
    }
  }

  private @Nullable EmailSettings email(Map<String, Object> node, String path) {
    if (node.isEmpty()) {
      return null;
    }
    unknownKeys(node, path, List.of(
        "host", "port", "security", "from", "to", "user", "passwordEnv", "passwordFile", "timeoutSeconds"));
    String host = required(node, path, "host");
    String from = required(node, path, "from");
    List<String> to = recipients(node.get("to"), path + ".to");
    int port = whole(node, path, "port", EmailSettings.DEFAULT_PORT, 1, 65535);
    EmailSettings.Security security = EmailSettings.Security.STARTTLS;
    String securityText = text(node, "security");
    if (securityText != null) {
      try {
        security = EmailSettings.Security.valueOf(securityText.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(ConfigProblem.of(path + ".security",
            "unknown security '" + securityText + "'; expected one of: STARTTLS, SSL, NONE"));
      }
    }
    if (from != null && !from.contains("@")) {
      problems.add(ConfigProblem.of(path + ".from", "expected an e-mail address, got '" + from + "'"));
    }
    SecretRef password = secret(node, path, "passwordEnv", "passwordFile");
    String user = text(node, "user");
    if (password != null && user == null) {
      problems.add(ConfigProblem.of(path + ".user", "a password is given, so the user is required"));
    }
    int timeout = whole(node, path, "timeoutSeconds", EmailSettings.DEFAULT_TIMEOUT_SECONDS, 1, 300);
    if (host == null || from == null || to.isEmpty()) {
      return null;
    }
    return EmailSettings.of(host, port, security, from, to, user, password, timeout);
  }

  private List<String> recipients(@Nullable Object value, String path) {
    List<String> to = new ArrayList<>();
    if (value instanceof List) {
      ((List<?>) value).forEach(v -> to.add(String.valueOf(v).trim()));
    } else if (value != null) {
      Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(to::add);
    }
    if (to.isEmpty()) {
      problems.add(ConfigProblem.of(path, "at least one recipient is required"));
    }
    for (String address : to) {
      if (!address.contains("@")) {
        problems.add(ConfigProblem.of(path, "expected an e-mail address, got '" + address + "'"));
      }
    }
    return to;
  }

  private @Nullable SecretRef secret(Map<String, Object> node, String path, String envKey, String fileKey) {
    String env = text(node, envKey);
    String file = text(node, fileKey);
    if (env != null && file != null) {
      problems.add(ConfigProblem.of(path, "give one of " + envKey + " and " + fileKey + ", not both"));
    }
    return env != null ? SecretRef.fromEnv(env) : file != null ? SecretRef.fromFile(file) : null;
  }

  private @Nullable String required(Map<String, Object> node, String path, String key) {
    String value = text(node, key);
    if (value == null) {
      problems.add(ConfigProblem.of(path + "." + key, "required"));
    }
    return value;
  }

  private static @Nullable String text(Map<String, Object> node, String key) {
    Object value = node.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    return String.valueOf(value).trim();
  }

  private int whole(Map<String, Object> node, String path, String key, int fallback, int min, int max) {
    if (!node.containsKey(key)) {
      return fallback;
    }
    Double value = number(path + "." + key, node.get(key));
    if (value == null) {
      return fallback;
    }
    if (value != Math.rint(value) || value < min || value > max) {
      problems.add(ConfigProblem.of(path + "." + key,
          "expected a whole number from " + min + " to " + max + ", got " + node.get(key)));
      return fallback;
    }
    return value.intValue();
  }
}
