/**
 * The activation config: one YAML file per activation, overridable on the command line, described
 * by one JSON Schema ({@code activation.schema.json}, with {@code runner.schema.json}), validated as
 * a whole (every problem reported at once, each with its field path) before anything is read or
 * written, and turned into immutable AutoValue objects.
 *
 * <p>Entry points: {@link org.actitosync.pipeline.config.ConfigLoader#load(String[])} (command line
 * → {@link org.actitosync.pipeline.config.LoadedConfig}: the config plus the pass-through Beam
 * options), {@link org.actitosync.pipeline.config.ConfigParser} (YAML text → config, for tests and
 * tools), {@link org.actitosync.pipeline.config.ConfigSchema} (the schema's sections and the
 * command-line options derived from it).
 */
package org.actitosync.pipeline.config;
