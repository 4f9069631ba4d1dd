package org.actitosync.actito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.actitosync.actito.etl.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActitoClientConfigTest {
  private static ActitoClientConfig.Builder base() {
    return ActitoClientConfig.builder().setEntity("demo").setApiKey(ApiKey.of("k-123-secret"));
  }

  @Test
  void environmentToBaseUrl() {
    assertEquals("https://api.actito.com",
        base().setEnvironment(ActitoEnvironment.PRODUCTION_ENV0).build().baseUrl());
    assertEquals("https://api1.actito.com",
        base().setEnvironment(ActitoEnvironment.PRODUCTION_ENV1).build().baseUrl());
    assertEquals("https://api3.actito.com",
        base().setEnvironment(ActitoEnvironment.PRODUCTION_ENV3).build().baseUrl());
    assertEquals("https://api-pre1.actito.com",
        base().setEnvironment(ActitoEnvironment.PREPROD).build().baseUrl());
  }

  @Test
  void explicitBaseUrlTrailingSlashStripped() {
    assertEquals("http://127.0.0.1:8089", base().setBaseUrl("http://127.0.0.1:8089/").build().baseUrl());
    assertThrows(IllegalArgumentException.class, () -> base().setBaseUrl("ftp://x").build());
  }

  @Test
  void defaults() {
    ActitoClientConfig c = base().setEnvironment(ActitoEnvironment.PRODUCTION_ENV0).build();
    assertEquals(PathStyles.prefixed(), c.pathStyles());
    assertEquals(Compression.GZIP, c.importCompression());
    assertEquals(org.actitosync.actito.etl.EtlContract.defaults(), c.etlContract());
    assertEquals(100L * 1024 * 1024, c.maxImportBytes());
    assertEquals(6, c.retryPolicy().maxAttempts());
    assertThrows(IllegalArgumentException.class,
        () -> base().setEnvironment(ActitoEnvironment.PREPROD).setMaxImportBytes(200L << 20).build());
    assertThrows(IllegalStateException.class,
        () -> ActitoClientConfig.builder().setEntity("demo").setEnvironment(ActitoEnvironment.PREPROD).build());
  }

  @Test
  void serializableAndRedacted() throws Exception {
    ActitoClientConfig c = base().setEnvironment(ActitoEnvironment.PRODUCTION_ENV3)
        .setPathStyle(PathStyle.PREFIXED).build();
    assertFalse(c.toString().contains("k-123-secret"), c.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    Object back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(c, back);
    assertEquals("k-123-secret", ((ActitoClientConfig) back).apiKey().reveal());
  }

  @Test
  void apiKeyFromEnvAndFileNeverSerializeTheValue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.txt");
    Files.writeString(file, "file-secret-777\n");
    ApiKey fromFile = ApiKey.fromFile(file);
    assertEquals("file-secret-777", fromFile.reveal());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(fromFile);
    }
    assertFalse(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).contains("file-secret-777"));
    assertEquals("ApiKey[file:" + file + "]", fromFile.toString());

    ApiKey missing = ApiKey.fromEnv("ACTITO_SYNC_SURELY_UNSET_VARIABLE");
    IllegalStateException e = assertThrows(IllegalStateException.class, missing::reveal);
    assertTrue(e.getMessage().contains("ACTITO_SYNC_SURELY_UNSET_VARIABLE"));
    assertEquals("ApiKey[redacted]", ApiKey.of("abc").toString());
    String path = System.getenv().keySet().stream().filter(k -> k.equals("PATH")).findFirst().orElse(null);
    if (path != null) {
      assertEquals(System.getenv("PATH").trim(), ApiKey.fromEnv("PATH").reveal());
    }
  }
}
