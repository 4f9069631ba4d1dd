package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, after {@code package}: it starts, and Beam's registrars survived the shade. */
class DataflowJarIT {
  @TempDir Path temp;

  private Path jar;

  /** Set by failsafe only: surefire (which -Dtest patterns may also point here) skips this class. */
  @BeforeEach
  void theShadedJarOfThisBuild() {
    String path = System.getProperty("actitosync.shadedJar");
    assumeTrue(path != null, "runs under failsafe, after package");
    jar = Path.of(path);
    assertTrue(Files.isRegularFile(jar), jar + " missing");
  }

  @Test
  void javaDashJarHelpExitsZeroWithTheSettingsAndTheDataflowRunner() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = temp.resolve("out.txt");
    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--help")
        .redirectOutput(out.toFile()).redirectErrorStream(true).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "java -jar --help timed out");
    String help = Files.readString(out);

    assertEquals(0, process.exitValue(), help);
    assertTrue(help.contains("--source.jdbc.url=URL"), help);
    assertTrue(help.contains("--write.concurrency=N"), help);
    // Resolving --runner=DataflowRunner and a gs:// path needs the merged runner and filesystem registrars.
    assertTrue(help.contains("Dataflow (DataflowRunner unless --runner is given; gs:// paths"), help);
  }

  @Test
  void theServiceFilesAreMergedAcrossJars() throws IOException {
    try (JarFile shaded = new JarFile(jar.toFile())) {
      assertEquals("org.actitosync.runners.dataflow.DataflowMain",
          shaded.getManifest().getMainAttributes().getValue("Main-Class"));
      String fileSystems = service(shaded, "org.apache.beam.sdk.io.FileSystemRegistrar");
      String options = service(shaded, "org.apache.beam.sdk.options.PipelineOptionsRegistrar");
      String runners = service(shaded, "org.apache.beam.sdk.runners.PipelineRunnerRegistrar");
      for (String expected : List.of("LocalFileSystemRegistrar", "GcsFileSystemRegistrar")) {
        assertTrue(fileSystems.contains(expected), fileSystems);
      }
      for (String expected : List.of("SecretOptionsRegistrar", "DataflowPipelineRegistrar")) {
        assertTrue(options.contains(expected), options);
      }
      assertTrue(runners.contains("DataflowPipelineRegistrar"), runners);
      assertTrue(service(shaded, "org.apache.beam.sdk.harness.JvmInitializer").contains("SecretFilesInitializer"));
      assertTrue(shaded.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")),
          "signature files must be excluded");
    }
  }

  private static String service(JarFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/services/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
