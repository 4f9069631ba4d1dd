package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretVersionNameTest {
  @Test
  void parsesAFullVersionName() {
    SecretVersionName name = SecretVersionName.parse("projects/my-proj/secrets/actito_api-key/versions/3");

    assertEquals("my-proj", name.project());
    assertEquals("actito_api-key", name.secret());
    assertEquals("3", name.version());
    assertEquals("projects/my-proj/secrets/actito_api-key/versions/3", name.toString());
  }

  @Test
  void acceptsLatestAndAProjectNumber() {
    assertEquals("latest", SecretVersionName.parse("projects/123456789/secrets/s/versions/latest").version());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "my-secret",
      "projects/p/secrets/s",
      "projects/p/secrets/s/versions/",
      "projects/p/secrets/s/versions/v1",
      "projects/P_UPPER/secrets/s/versions/1",
      "projects/p/secrets/s/versions/1/extra",
      "projects/p/locations/europe-west1/secrets/s/versions/1",
      "https://secretmanager.googleapis.com/v1/projects/p/secrets/s/versions/1"})
  void refusesAnythingElseWithAMessageShowingTheExpectedForm(String reference) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SecretVersionName.parse(reference));

    assertTrue(e.getMessage().contains("projects/PROJECT/secrets/SECRET/versions/VERSION"), e.getMessage());
  }

  @Test
  void refusesNull() {
    assertThrows(IllegalArgumentException.class, () -> SecretVersionName.parse(null));
  }
}
