package org.actitosync.runners.flink.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class archive built by the JVM itself ({@code java -Xshare:dump}) for a small jar. */
class ClassArchiveTest {
  static final String RUNTIME = "test-runtime";
  @TempDir Path dir;

  @Test
  void anArchiveBuiltFromARunsClassListIsOneTheJvmMaps() throws Exception {
    Path jar = appJar("app.jar");
    ClassArchive archive = new ClassArchive(dir.resolve("cache"), jar, RUNTIME);
    archive.prepare();
    assertEquals(Optional.empty(), archive.archive());
    Path list = listClasses(archive, jar);

    assertEquals(Optional.empty(), archive.build(ShadedJar.java(), list));
    Path built = archive.archive().orElseThrow();
    assertTrue(built.getFileName().toString().matches("app-[0-9a-f]{8}-[0-9a-f]{16}\\.jsa"), built.toString());
    assertFalse(Files.exists(list), "the class list is removed");
    // -Xshare:on: the JVM refuses to start unless it can map the archive for this class path
    Process check = new ProcessBuilder(ShadedJar.java(), "-Xshare:on", "-XX:SharedArchiveFile=" + built, "-cp", jar.toString(),
        "-version").redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes());
    assertTrue(check.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, check.exitValue(), output);
    try (var files = Files.list(dir.resolve("cache/cds"))) {
      assertEquals(List.of(built.getFileName().toString().replace(".jsa", ".build.log"), built.getFileName().toString()),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
    }
  }

  @Test
  void aRebuiltJarGetsItsOwnArchiveAndTheOlderOneGoes() throws Exception {
    Path jar = appJar("app.jar");
    ClassArchive first = new ClassArchive(dir.resolve("cache"), jar, RUNTIME);
    first.prepare();
    assertEquals(Optional.empty(), first.build(ShadedJar.java(), listClasses(first, jar)));
    Path old = first.archive().orElseThrow();

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    ClassArchive rebuilt = new ClassArchive(dir.resolve("cache"), jar, RUNTIME);
    assertEquals(Optional.empty(), rebuilt.archive(), "the archive of the jar before is not this jar's");
    assertEquals(Optional.empty(), rebuilt.build(ShadedJar.java(), listClasses(rebuilt, jar)));
    assertNotEquals(old, rebuilt.archive().orElseThrow());
    assertFalse(Files.exists(old), "the older archive of the same jar is removed");
    assertEquals(Optional.empty(), new ClassArchive(dir.resolve("cache"), jar, "another runtime").archive(),
        "another Java runtime gets its own");

    Path elsewhere = Files.createDirectories(dir.resolve("v2")).resolve("app.jar");
    Files.copy(jar, elsewhere);
    ClassArchive other = new ClassArchive(dir.resolve("cache"), elsewhere, RUNTIME);
    assertEquals(Optional.empty(), other.build(ShadedJar.java(), listClasses(other, elsewhere)));
    assertTrue(rebuilt.archive().isPresent() && other.archive().isPresent(),
        "another jar file of the same name keeps its own archive beside this one's");
  }

  @Test
  void aFailedBuildLeavesNoArchiveAndSaysWhy() throws Exception {
    Path jar = appJar("app.jar");
    ClassArchive archive = new ClassArchive(dir.resolve("cache"), jar, RUNTIME);
    archive.prepare();
    Path empty = Files.createFile(archive.classList(1));
    assertEquals(Optional.of("the run listed no classes"), archive.build(ShadedJar.java(), empty));

    Path list = listClasses(archive, jar);
    Optional<String> why = archive.build("/bin/false", list);
    assertTrue(why.isPresent() && why.get().startsWith("the build exited 1"), String.valueOf(why));
    assertEquals(Optional.empty(), archive.archive());
    assertFalse(Files.exists(list), "the class list is removed after a failed build too");
  }

  /** A copy of a jar on the test class path (JUnit's API), under {@code name}. */
  private Path appJar(String name) throws Exception {
    Path source = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The class list a run of the jar writes: its JVM loads one of the jar's classes. */
  private Path listClasses(ClassArchive archive, Path jar) throws Exception {
    Path list = archive.classList(ProcessHandle.current().pid());
    Process run = new ProcessBuilder(ShadedJar.java(), "-XX:DumpLoadedClassList=" + list, "-cp", jar.toString(),
        "-XX:+UnlockDiagnosticVMOptions", "-version").redirectErrorStream(true).start();
    run.getInputStream().readAllBytes();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    Files.writeString(list, "org/junit/jupiter/api/Test\n", java.nio.file.StandardOpenOption.APPEND);
    assertTrue(Files.size(list) > 0);
    return list;
  }
}
