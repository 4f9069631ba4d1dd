/**
 * The activation config: one YAML file per activation, overridable on the command line, validated
 * as a whole (every problem reported at once, each with its field path) before anything is read or
 * written, and turned into immutable AutoValue objects.
 *
 * <p>Entry points: {@link org.actitosync.pipeline.config.ConfigLoader#load(String[])} (command line
 * → {@link org.actitosync.pipeline.config.LoadedConfig}: the config plus the pass-through Beam
 * options), {@link org.actitosync.pipeline.config.ConfigParser} (YAML text → config, for tests and
 * tools).
 */
package org.actitosync.pipeline.config;
