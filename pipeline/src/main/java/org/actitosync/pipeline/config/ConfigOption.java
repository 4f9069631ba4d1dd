package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;

/**
 * One command-line option overriding one setting of the config: {@code --<path>=LABEL}. Derived
 * from {@code activation.schema.json} by {@link ConfigSchema#options()} (one per leaf setting),
 * never typed by hand, so {@code --help} and the schema cannot disagree.
 */
@AutoValue
public abstract class ConfigOption {
  /** How an option's values land in the config tree (the schema's {@code x-option}). */
  public enum Shape {
    /** One value: {@code --write.concurrency=3}. */
    VALUE,
    /** Repeatable {@code COLUMN=ATTRIBUTE[:TYPE][:create]}; the option's values replace the list. */
    MAPPING,
    /**
     * Repeatable {@code PROFILE_ATTRIBUTE=ATTRIBUTE} or {@code PROFILE_ATTRIBUTE=column:COLUMN[:TYPE]}
     * (the file's {@code {column: COLUMN, type: TYPE}}); the option's values replace the map.
     */
    PROFILE_ATTRIBUTES,
    /** Repeatable {@code KEY=VALUE} (KEY may be dotted); merged into the file's section. */
    MERGED_MAP
  }

  /** The config path, also the option name without {@code --}. */
  public abstract String path();

  /** The value's label in {@code --help}: the schema's {@code x-label}. */
  public abstract String label();

  public abstract Shape shape();

  /** The default shown by {@code --help}; "none" when the setting has none. */
  public abstract String defaultText();

  public abstract String description();

  public String optionName() {
    return "--" + path();
  }

  static ConfigOption of(String path, String label, Shape shape, String defaultText, String description) {
    return new AutoValue_ConfigOption(path, label, shape, defaultText, description);
  }
}
