package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scripts/dataflow/*.sh} without Google Cloud: they parse, print usage, check their variables,
 * and hand gcloud the expected command line (a fake {@code gcloud} on the PATH records it).
 */
class ScriptsTest {
  static final Path SCRIPTS = Path.of("../../scripts/dataflow").toAbsolutePath().normalize();

  @TempDir Path temp;

  record Result(int code, String out, String err) {}

  private Result run(Path script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    // Only fakes and the few tools the scripts use: this machine may have a real gcloud in /usr/bin.
    builder.environment().put("PATH", temp.resolve("bin") + ":" + tools());
    builder.environment().put("HOME", temp.toString());
    builder.environment().putAll(env);
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "script timed out");
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A directory with links to the plain tools the scripts need, and nothing else. */
  private Path tools() throws IOException {
    Path tools = temp.resolve("tools");
    if (!Files.isDirectory(tools)) {
      Files.createDirectories(tools);
      for (String tool : List.of("dirname", "date", "cat")) {
        Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
        Files.createSymbolicLink(tools.resolve(tool), real);
      }
    }
    return tools;
  }

  /** A fake command that appends its arguments, one per line, to {@code <name>.args}. */
  private Path fake(String name) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path record = temp.resolve(name + ".args");
    Path exe = bin.resolve(name);
    Files.writeString(exe, "#!/bin/bash\nprintf '%s\\n' \"$@\" >> '" + record + "'\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
    return record;
  }

  @ParameterizedTest
  @ValueSource(strings = {"build-template.sh", "launch.sh"})
  void parsesAndPrintsUsageWithoutGcloud(String name) throws Exception {
    Path script = SCRIPTS.resolve(name);
    assertEquals(0, new ProcessBuilder("/bin/bash", "-n", script.toString()).start().waitFor());
    assertTrue(Files.readString(script).contains("set -euo pipefail"));

    Result help = run(script, Map.of(), "--help");

    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: scripts/dataflow/" + name), help.out());
  }

  @Test
  void buildTemplateNamesEveryMissingVariable() throws Exception {
    Result r = run(SCRIPTS.resolve("build-template.sh"), Map.of());

    assertEquals(2, r.code());
    assertTrue(r.err().contains("missing required variable BUCKET"), r.err());
    assertTrue(r.err().contains("missing required variable IMAGE"), r.err());
  }

  @Test
  void launchNamesEveryMissingVariableAndWantsAGcsConfig() throws Exception {
    Result none = run(SCRIPTS.resolve("launch.sh"), Map.of());
    Result local = run(SCRIPTS.resolve("launch.sh"), Map.of("BUCKET", "b", "REGION", "r", "CONFIG", "a.yaml"));

    assertEquals(2, none.code());
    for (String v : List.of("BUCKET", "REGION", "CONFIG")) {
      assertTrue(none.err().contains("missing required variable " + v), none.err());
    }
    assertEquals(2, local.code());
    assertTrue(local.err().contains("CONFIG must be a gs:// path"), local.err());
  }

  @Test
  void withoutGcloudTheScriptsSaySo() throws Exception {
    Files.createDirectories(temp.resolve("bin"));
    Result r = run(SCRIPTS.resolve("launch.sh"),
        Map.of("BUCKET", "b", "REGION", "r", "CONFIG", "gs://b/a.yaml"));

    assertEquals(2, r.code());
    assertTrue(r.err().contains("gcloud is required"), r.err());
  }

  @Test
  void launchPassesTheParametersToGcloud() throws Exception {
    Path gcloud = fake("gcloud");

    Result r = run(SCRIPTS.resolve("launch.sh"),
        Map.of("BUCKET", "bkt", "REGION", "europe-west1", "CONFIG", "gs://bkt/a.yaml", "JOB_NAME", "j1"),
        "write.concurrency=3", "dryRun=true");

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("dataflow", "flex-template", "run", "j1",
        "--template-file-gcs-location=gs://bkt/templates/actito-sync.json", "--region=europe-west1",
        "--temp-location=gs://bkt/tmp", "--parameters=config=gs://bkt/a.yaml,write.concurrency=3,dryRun=true"),
        Files.readAllLines(gcloud));
  }

  @Test
  void launchSwitchesTheDelimiterForAValueWithAComma() throws Exception {
    Path gcloud = fake("gcloud");

    run(SCRIPTS.resolve("launch.sh"),
        Map.of("BUCKET", "bkt", "REGION", "r", "CONFIG", "gs://bkt/a.yaml", "JOB_NAME", "j1"),
        "source.jdbc.query=SELECT id, email FROM c");

    List<String> args = Files.readAllLines(gcloud);
    assertEquals("--parameters=^~^config=gs://bkt/a.yaml~source.jdbc.query=SELECT id, email FROM c",
        args.get(args.size() - 1));
  }

  @Test
  void buildTemplateBuildsTheFlexTemplateFromTheJarAndTheMetadata() throws Exception {
    Path gcloud = fake("gcloud");
    fake("mvn"); // only called when the jar is missing

    Result r = run(SCRIPTS.resolve("build-template.sh"),
        Map.of("BUCKET", "bkt", "IMAGE", "europe-west1-docker.pkg.dev/p/r/actito-sync:1"));

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("dataflow", "flex-template", "build", "gs://bkt/templates/actito-sync.json",
        "--image-gcr-path=europe-west1-docker.pkg.dev/p/r/actito-sync:1", "--sdk-language=JAVA",
        "--flex-template-base-image=JAVA17", "--metadata-file=runners/dataflow/metadata.json",
        "--jar=runners/dataflow/target/actito-sync-dataflow.jar",
        "--env=FLEX_TEMPLATE_JAVA_MAIN_CLASS=org.actitosync.runners.dataflow.DataflowMain"),
        Files.readAllLines(gcloud));
  }
}
