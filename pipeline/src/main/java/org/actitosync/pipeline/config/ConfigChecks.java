package org.actitosync.pipeline.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.actitosync.classify.SyncMode;
import org.actitosync.write.Strategy;
import org.actitosync.write.StrategyChooser;

/**
 * The checks a schema cannot express, made on the typed file once the schema passed: they relate
 * settings of several sections, or need Java (a cron, a time zone id). A section the schema refused
 * is null here and its checks are skipped, so no problem follows from another. Pure.
 */
final class ConfigChecks {
  private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ConfigFile file;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private ConfigChecks(ConfigFile file) {
    this.file = file;
  }

  /**
   * Every problem found across the sections of {@code file}. {@code refused}: the sections with a
   * schema problem; the checks against the whole mapping are skipped when it is one of them (an
   * item left out would make a mapped column look unmapped).
   */
  static List<ConfigProblem> problems(ConfigFile file, java.util.Set<String> refused) {
    ConfigChecks checks = new ConfigChecks(file);
    checks.mapping();
    checks.bulkMode();
    if (!refused.contains("mapping")) {
      checks.key();
      checks.profiles();
    }
    checks.timeZone();
    checks.schedule();
    if (file.warnings() != null) {
      checks.problems.addAll(file.warnings().problems());
    }
    checks.runner();
    return checks.problems;
  }

  private void problem(String path, String message) {
    problems.add(ConfigProblem.of(path, message));
  }

  /** Two columns cannot feed one attribute. */
  private void mapping() {
    if (file.mapping() == null) {
      return;
    }
    Map<String, Integer> byAttribute = new LinkedHashMap<>();
    for (int i = 0; i < file.mapping().size(); i++) {
      String attribute = file.mapping().get(i) == null ? null : file.mapping().get(i).attribute();
      if (attribute == null) {
        continue;
      }
      Integer previous = byAttribute.putIfAbsent(attribute, i);
      if (previous != null) {
        problem("mapping[" + i + "].attribute", "attribute '" + attribute + "' is already fed by column '"
            + file.mapping().get(previous).column() + "' (mapping[" + previous + "]): two columns cannot feed"
            + " one attribute");
      }
    }
  }

  /** The key column feeds exactly one attribute, the table's primary key. */
  private void key() {
    if (file.key() == null || file.mapping() == null) {
      return;
    }
    List<String> attributes = file.mapping().stream().filter(m -> m != null && file.key().equals(m.column()))
        .map(ConfigFile.MappingFile::attribute).collect(Collectors.toList());
    if (attributes.isEmpty()) {
      problem("key", "key column '" + file.key() + "' is not mapped: add a mapping item with column: " + file.key());
    } else if (attributes.size() > 1) {
      problem("key", "key column '" + file.key() + "' feeds several attributes (" + String.join(", ", attributes)
          + "): it must feed exactly one, the table's primary key");
    }
  }

  private void bulkMode() {
    if (file.write() != null && file.write().strategy() == Strategy.BULK
        && (file.mode() == SyncMode.INSERT || file.mode() == SyncMode.UPDATE)) {
      problem("write.strategy", "BULK cannot be used with mode " + file.mode() + ": "
          + StrategyChooser.BULK_ONLY_CREATE_OR_UPDATE);
    }
  }

  /** Profile attributes name mapped attributes (or a segment column); the link is mapped. */
  private void profiles() {
    ConfigFile.ProfilesFile profiles = file.profiles();
    if (profiles == null || file.mapping() == null) {
      return;
    }
    List<String> mapped = file.mapping().stream().filter(java.util.Objects::nonNull)
        .map(ConfigFile.MappingFile::attribute).collect(Collectors.toList());
    if (profiles.linkAttribute() != null && !mapped.contains(profiles.linkAttribute())) {
      problem("profiles.linkAttribute", "'" + profiles.linkAttribute() + "' is not a mapped attribute");
    }
    profiles.items().forEach((name, item) -> {
      String path = "profiles.attributes." + name;
      if (name.equals(profiles.profileAttribute())) {
        problem(path, "'" + name + "' is the profileAttribute: it always takes the link's value");
      } else if (item != null && item.attribute() != null && !mapped.contains(item.attribute())) {
        problem(path, "'" + item.attribute() + "' is not a mapped attribute (for a segment column used only for"
            + " profiles, write {column: COLUMN})");
      }
    });
  }

  private void timeZone() {
    if (file.target() == null || file.target().timeZone() == null) {
      return;
    }
    try {
      ZoneId.of(file.target().timeZone().trim());
    } catch (DateTimeException e) {
      problem("target.timeZone", "unknown time zone '" + file.target().timeZone()
          + "': give an IANA zone id such as UTC or Europe/Brussels");
    }
  }

  private void schedule() {
    if (file.schedule() != null) {
      Cron.problem(file.schedule()).ifPresent(message -> problem("schedule", message));
    }
  }

  /**
   * {@code runner.secrets} names only environment variables the config reads; on DATAFLOW the
   * workers have no such variables, so the config must not read any.
   */
  private void runner() {
    ConfigFile.RunnerFile runner = file.runner();
    if (runner == null) {
      return;
    }
    List<String> read = new ArrayList<>();
    if (file.target() != null && file.target().apiKeyEnv() != null) {
      read.add(file.target().apiKeyEnv());
    }
    ConfigFile.JdbcFile jdbc = file.source() == null ? null : file.source().jdbc();
    if (jdbc != null && jdbc.passwordEnv() != null) {
      read.add(jdbc.passwordEnv());
    }
    read.removeIf(name -> !ENV_VAR.matcher(name).matches());
    if (runner.secrets() != null) {
      for (String variable : runner.secrets().keySet()) {
        if (!read.contains(variable)) {
          problem("runner.secrets." + variable, "the config reads no such environment variable; expected one of: "
              + (read.isEmpty() ? "(none)" : String.join(", ", read)));
        }
      }
    }
    if (runner.dataflow() && file.target() != null && file.target().apiKeyEnv() != null) {
      problem("target.apiKeyEnv", "on DATAFLOW the workers do not have this environment variable:"
          + " remove it, runner.apiKeySecret gives the key");
    }
    if (runner.dataflow() && jdbc != null && jdbc.passwordEnv() != null) {
      problem("source.jdbc.passwordEnv", "on DATAFLOW the workers do not have this environment variable:"
          + " remove it, runner.jdbcPasswordSecret gives the password");
    }
  }
}
