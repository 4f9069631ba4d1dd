package org.actitosync.actito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link LeakScenario} in a child JVM (so slf4j-simple can be set to DEBUG for the client
 * whatever other tests did to logging in this JVM), captures everything it writes to stdout and
 * stderr (logs, exception messages, toStrings, stack traces), and checks that neither an API key
 * nor any access token appears in it.
 */
class SecretLeakTest {
  @Test
  void noKeyOrTokenInLogsExceptionsOrToStrings(@TempDir Path dir) throws Exception {
    Path secrets = dir.resolve("secrets.txt");
    Path out = dir.resolve("out.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
    cmd.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
    cmd.add("-Dorg.slf4j.simpleLogger.showShortLogName=false");
    // the emulator and its server are not under test here: silence them
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.actitosync.emulator=off");
    cmd.add("-Dorg.slf4j.simpleLogger.log.io.javalin=off");
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=off");
    cmd.add("-Xmx256m");
    cmd.add(LeakScenario.class.getName());
    cmd.add(secrets.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "scenario timed out");
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("SCENARIO DONE"), output);

    // the capture is real: client DEBUG and WARN lines, and failures, are in it
    assertTrue(output.contains("DEBUG org.actitosync.actito.http.ActitoHttp"), output);
    assertTrue(output.contains("DEBUG org.actitosync.actito.auth.TokenProvider - minted"), output);
    assertTrue(output.contains("WARN org.actitosync.actito.http.ActitoHttp - Actito RECORD_UPSERT"), output);
    assertTrue(output.contains("ActitoAuthException"), output);
    assertTrue(output.contains("retries exhausted"), output);
    assertTrue(output.contains("not replayed"), output);

    List<String> found = Files.readAllLines(secrets, StandardCharsets.UTF_8);
    long tokens = found.stream().filter(s -> !s.startsWith("it-key-")).count();
    assertTrue(tokens >= 3, "tokens captured: " + tokens);
    for (String secret : found) {
      assertFalse(secret.isBlank());
      assertFalse(output.contains(secret), "secret leaked: " + secret.substring(0, 4) + "…");
    }
  }
}
