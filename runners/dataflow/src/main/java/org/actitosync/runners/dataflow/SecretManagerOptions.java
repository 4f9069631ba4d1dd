package org.actitosync.runners.dataflow;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Secret Manager references (never values) for the Dataflow runner. They are Beam options, not
 * config settings, so they travel inside the job's PipelineOptions to the workers, where {@link
 * SecretFilesInitializer} writes the same secret files the launcher wrote.
 */
public interface SecretManagerOptions extends PipelineOptions {
  @Description(
      "Secret Manager version holding the Actito API key: projects/PROJECT/secrets/SECRET/versions/VERSION"
          + " (VERSION a number or latest). Replaces target.apiKeyEnv / target.apiKeyFile.")
  String getApiKeySecret();

  void setApiKeySecret(String reference);

  @Description(
      "Secret Manager version holding the database password: projects/PROJECT/secrets/SECRET/versions/VERSION."
          + " Replaces source.jdbc.passwordEnv / source.jdbc.passwordFile.")
  String getJdbcPasswordSecret();

  void setJdbcPasswordSecret(String reference);

  @Description(
      "Directory of the secret files written from the references, on the launcher and on every worker"
          + " (same path on both).")
  @Default.String(SecretFiles.DEFAULT_DIRECTORY)
  @Hidden
  String getSecretDirectory();

  void setSecretDirectory(String directory);
}
