package org.actitosync.runners.dataflow;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link SecretSource} backed by Google Cloud Secret Manager, with the application default
 * credentials (the launcher's and the workers' service account needs {@code
 * roles/secretmanager.secretAccessor} on the secret). One client per call: secrets are read once
 * per JVM.
 */
public final class SecretManagerSecrets implements SecretSource {
  @Override
  public String access(SecretVersionName name) throws IOException {
    try (SecretManagerServiceClient client = SecretManagerServiceClient.create()) {
      AccessSecretVersionResponse response = client.accessSecretVersion(name.toString());
      return response.getPayload().getData().toString(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      // ApiException messages name the resource and the status, never the payload.
      throw new IOException("Secret Manager: cannot access " + name + ": " + e.getMessage(), e);
    }
  }
}
