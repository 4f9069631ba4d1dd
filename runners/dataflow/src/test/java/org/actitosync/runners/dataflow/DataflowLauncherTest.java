package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring in front of the pipeline's launcher, with a fake launcher and fake secrets. */
class DataflowLauncherTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private List<String> launched;

  private int run(SecretSource secrets, String... args) {
    DataflowLauncher launcher = new DataflowLauncher(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        secrets, a -> {
          launched = Arrays.asList(a);
          return 0;
        });
    return launcher.run(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void defaultsTheRunnerToDataflow() {
    assertEquals(0, run(new FakeSecrets(Map.of()), "--config=gs://b/a.yaml", "--write.concurrency=3"));

    assertEquals(List.of("--config=gs://b/a.yaml", "--write.concurrency=3", "--runner=DataflowRunner"), launched);
  }

  @Test
  void keepsAGivenRunner() {
    assertEquals(0, run(new FakeSecrets(Map.of()), "--config=a.yaml", "--runner=TestDataflowRunner"));

    assertEquals(List.of("--config=a.yaml", "--runner=TestDataflowRunner"), launched);
  }

  @Test
  void setsUpGcsBeforeTheLauncherReadsTheConfigOrTheSnapshots() {
    run(new FakeSecrets(Map.of()), "--config=gs://bkt/a.yaml", "--snapshot.root=gs://bkt/snapshots");

    assertEquals("gs", FileSystems.matchNewResource("gs://bkt/snapshots/CURRENT", false).getScheme());
  }

  @Test
  void turnsSecretReferencesIntoFilesTheLauncherReads() throws Exception {
    String keyRef = "projects/p/secrets/actito-key/versions/1";
    String passwordRef = "projects/p/secrets/db/versions/latest";
    FakeSecrets secrets = new FakeSecrets(Map.of(keyRef, "the-key", passwordRef, "the-password"));

    int code = run(secrets, "--config=gs://b/a.yaml", "--apiKeySecret=" + keyRef,
        "--jdbcPasswordSecret=" + passwordRef, "--secretDirectory=" + temp.resolve("s"));

    assertEquals(0, code);
    assertEquals(List.of(keyRef, passwordRef), secrets.accessed);
    Path keyFile = Path.of(DataflowArgs.value(launched, "target.apiKeyFile").orElseThrow());
    Path passwordFile = Path.of(DataflowArgs.value(launched, "source.jdbc.passwordFile").orElseThrow());
    assertEquals("the-key", Files.readString(keyFile));
    assertEquals("the-password", Files.readString(passwordFile));
    assertTrue(keyFile.startsWith(temp.resolve("s")));
    // The references go on to Beam (and so to the workers); the values go nowhere but the files.
    assertTrue(launched.contains("--apiKeySecret=" + keyRef));
    String everything = String.join(" ", launched) + out + err;
    assertFalse(everything.contains("the-key"));
    assertFalse(everything.contains("the-password"));
  }

  @Test
  void theLauncherAcceptsTheReferencesAsBeamOptions() {
    // What the pipeline's Launcher does with the arguments it does not own.
    SecretManagerOptions options = PipelineOptionsFactory.fromArgs(
        "--apiKeySecret=projects/p/secrets/k/versions/1", "--runner=DataflowRunner")
        .withValidation().as(SecretManagerOptions.class);

    assertEquals("projects/p/secrets/k/versions/1", options.getApiKeySecret());
    assertNull(options.getJdbcPasswordSecret());
  }

  @Test
  void anUnreadableSecretIsAnAuthErrorAndTheLauncherDoesNotRun() {
    int code = run(new FakeSecrets(Map.of()), "--apiKeySecret=projects/p/secrets/k/versions/1",
        "--secretDirectory=" + temp.resolve("s"));

    assertEquals(3, code);
    assertNull(launched);
    assertTrue(err().startsWith("actito-sync: auth error: secret: PERMISSION_DENIED"), err());
  }

  @Test
  void aMalformedReferenceIsAConfigError() {
    int code = run(new FakeSecrets(Map.of()), "--apiKeySecret=actito-key");

    assertEquals(2, code);
    assertNull(launched);
    assertTrue(err().contains("not a Secret Manager version name: 'actito-key'"), err());
  }

  @Test
  void anUnknownBeamOptionIsAConfigError() {
    int code = run(new FakeSecrets(Map.of()), "--config=a.yaml", "--numWorkerz=3");

    assertEquals(2, code);
    assertNull(launched);
    assertTrue(err().startsWith("actito-sync: config error: command line:"), err());
  }

  @Test
  void helpAddsTheDataflowOptionsToTheLaunchersHelp() {
    assertEquals(0, run(new FakeSecrets(Map.of()), "--help"));

    assertEquals(List.of("--help"), launched);
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("Dataflow (DataflowRunner unless --runner is given; gs:// paths"), help);
    assertTrue(help.contains("--apiKeySecret=projects/PROJECT/secrets/SECRET/versions/VERSION"), help);
    assertTrue(help.contains("--jdbcPasswordSecret="), help);
  }
}
