package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
  static final String KEY_REF = "projects/p/secrets/actito-key/versions/2";
  static final String PASSWORD_REF = "projects/p/secrets/db-password/versions/latest";
  static final String KEY = "k3y-v4lue-never-printed";
  static final String PASSWORD = "s3cret-db-password";

  @TempDir Path temp;

  private SecretFiles files(Path directory) {
    return new SecretFiles(directory, new FakeSecrets(Map.of(KEY_REF, KEY, PASSWORD_REF, PASSWORD)));
  }

  @Test
  void resolveWritesEachSecretToAnOwnerOnlyFileAndPassesItsPath() throws IOException {
    Path dir = temp.resolve("secrets");
    List<String> args = List.of("--config=gs://b/a.yaml", "--apiKeySecret=" + KEY_REF,
        "--jdbcPasswordSecret=" + PASSWORD_REF);

    List<String> resolved = files(dir).resolve(args);

    Path keyFile = files(dir).pathFor(SecretVersionName.parse(KEY_REF));
    Path passwordFile = files(dir).pathFor(SecretVersionName.parse(PASSWORD_REF));
    assertEquals(List.of("--config=gs://b/a.yaml", "--apiKeySecret=" + KEY_REF,
        "--jdbcPasswordSecret=" + PASSWORD_REF, "--target.apiKeyFile=" + keyFile,
        "--source.jdbc.passwordFile=" + passwordFile), resolved);
    assertEquals(KEY, Files.readString(keyFile));
    assertEquals(PASSWORD, Files.readString(passwordFile));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertFalse(String.join(" ", resolved).contains(KEY));
    assertFalse(String.join(" ", resolved).contains(PASSWORD));
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "no temporary file left behind");
    }
  }

  @Test
  void withoutReferencesTheArgumentsAreUnchangedAndNothingIsRead() throws IOException {
    FakeSecrets secrets = new FakeSecrets(Map.of());
    List<String> args = List.of("--config=c.yaml", "--target.apiKeyEnv=ACTITO_KEY");

    assertEquals(args, new SecretFiles(temp.resolve("s"), secrets).resolve(args));
    assertTrue(secrets.accessed.isEmpty());
    assertFalse(Files.exists(temp.resolve("s")));
  }

  @Test
  void theWorkerWritesTheSameFileTheLauncherNamed() throws IOException {
    Path launcherDir = temp.resolve("same");
    List<String> resolved = files(launcherDir).resolve(List.of("--apiKeySecret=" + KEY_REF));
    Path named = Path.of(DataflowArgs.value(resolved, "target.apiKeyFile").orElseThrow());
    Files.delete(named); // a worker is another machine: the file is not there yet

    SecretManagerOptions options = PipelineOptionsFactory.fromArgs(
        "--apiKeySecret=" + KEY_REF, "--secretDirectory=" + launcherDir).as(SecretManagerOptions.class);
    new SecretFilesInitializer(new FakeSecrets(Map.of(KEY_REF, KEY))).beforeProcessing(options);

    assertEquals(KEY, Files.readString(named));
  }

  @Test
  void theInitializerDoesNothingWithoutReferences() {
    FakeSecrets secrets = new FakeSecrets(Map.of());

    new SecretFilesInitializer(secrets).beforeProcessing(PipelineOptionsFactory.create());

    assertTrue(secrets.accessed.isEmpty());
  }

  @Test
  void thePathDependsOnTheReferenceOnly() {
    SecretFiles a = files(temp.resolve("d"));
    SecretFiles b = new SecretFiles(temp.resolve("d"), new FakeSecrets(Map.of(KEY_REF, "other value")));

    assertEquals(a.pathFor(SecretVersionName.parse(KEY_REF)), b.pathFor(SecretVersionName.parse(KEY_REF)));
    assertNotEquals(a.pathFor(SecretVersionName.parse(KEY_REF)), a.pathFor(SecretVersionName.parse(PASSWORD_REF)));
  }

  @Test
  void aReferenceAndTheSettingItReplacesAreRefusedTogether() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> files(temp.resolve("s")).resolve(List.of("--apiKeySecret=" + KEY_REF, "--target.apiKeyEnv=K")));

    assertEquals("--apiKeySecret replaces --target.apiKeyEnv: give one of them, not both", e.getMessage());
  }

  @Test
  void aMalformedReferenceIsRefusedBeforeAnyRead() {
    FakeSecrets secrets = new FakeSecrets(Map.of());

    assertThrows(IllegalArgumentException.class,
        () -> new SecretFiles(temp.resolve("s"), secrets).resolve(List.of("--jdbcPasswordSecret=db-password")));
    assertTrue(secrets.accessed.isEmpty());
  }

  @Test
  void anUnreadableOrEmptySecretFailsWithoutAFile() {
    Path dir = temp.resolve("s");
    IOException denied = assertThrows(IOException.class, () -> new SecretFiles(dir, new FakeSecrets(Map.of()))
        .resolve(List.of("--apiKeySecret=" + KEY_REF)));
    IOException empty = assertThrows(IOException.class, () -> new SecretFiles(dir, new FakeSecrets(Map.of(KEY_REF, " ")))
        .resolve(List.of("--apiKeySecret=" + KEY_REF)));

    assertTrue(denied.getMessage().contains("PERMISSION_DENIED"));
    assertEquals("secret " + KEY_REF + " is empty", empty.getMessage());
    assertFalse(Files.exists(new SecretFiles(dir, null).pathFor(SecretVersionName.parse(KEY_REF))));
  }

  @Test
  void anExistingDirectoryOthersCanReadIsRefused() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("open"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    IOException e = assertThrows(IOException.class, () -> files(dir).resolve(List.of("--apiKeySecret=" + KEY_REF)));

    assertEquals("secret directory " + dir + " must have permissions 0700", e.getMessage());
  }

  @Test
  void aSymbolicLinkInPlaceOfTheDirectoryIsRefused() throws IOException {
    Path real = Files.createDirectory(temp.resolve("real"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), real);

    IOException e = assertThrows(IOException.class, () -> files(link).resolve(List.of("--apiKeySecret=" + KEY_REF)));

    assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
  }
}
