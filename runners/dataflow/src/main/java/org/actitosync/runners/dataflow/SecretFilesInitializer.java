package org.actitosync.runners.dataflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import org.apache.beam.sdk.harness.JvmInitializer;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * On each Dataflow worker JVM, before any bundle: writes the secret files of the job's Secret
 * Manager references at the paths the launcher used (the config the workers run with names those
 * paths). Registered through {@code META-INF/services}; does nothing when no reference is set.
 */
public final class SecretFilesInitializer implements JvmInitializer {
  private final SecretSource source;

  public SecretFilesInitializer() {
    this(new SecretManagerSecrets());
  }

  SecretFilesInitializer(SecretSource source) {
    this.source = source;
  }

  @Override
  public void beforeProcessing(PipelineOptions options) {
    SecretManagerOptions secrets = options.as(SecretManagerOptions.class);
    if (secrets.getApiKeySecret() == null && secrets.getJdbcPasswordSecret() == null) {
      return;
    }
    try {
      new SecretFiles(Paths.get(secrets.getSecretDirectory()), source).materialize(secrets);
    } catch (IOException e) {
      throw new UncheckedIOException("actito-sync: cannot write the secret files on this worker", e);
    }
  }
}
