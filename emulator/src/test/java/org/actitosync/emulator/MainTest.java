package org.actitosync.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path dir;

  @Test
  void parsesArgumentsAndStartsFromADataFile() throws IOException {
    Path data = Files.writeString(dir.resolve("data.json"), TestSupport.data());
    Main.Options options = Main.parse("--port=0", "--data=" + data);
    assertEquals(0, options.port());
    assertEquals(data, options.data());
    assertEquals("127.0.0.1", options.host());
    assertEquals(RouteSet.PREFIXED, options.routes());
    try (ActitoEmulator emu = Main.start(options)) {
      TestSupport.Api api = new TestSupport.Api(emu);
      assertEquals(200, api.token(TestSupport.KEY).statusCode());
      assertEquals(401, api.token("nope").statusCode());
    }
  }

  @Test
  void rejectsBadArguments() throws IOException {
    Path data = Files.writeString(dir.resolve("data.json"), "{}");
    assertThrows(IllegalArgumentException.class, () -> Main.parse("--port=8089"));
    assertThrows(IllegalArgumentException.class, () -> Main.parse("--port=x", "--data=" + data));
    assertThrows(IllegalArgumentException.class, () -> Main.parse("--data=" + dir.resolve("missing.json")));
    assertThrows(IllegalArgumentException.class, () -> Main.parse("--data=" + data, "--verbose"));
    assertEquals(8089, Main.parse("--data=" + data).port());
  }

  @Test
  void routeSetOptions() throws IOException {
    Path data = Files.writeString(dir.resolve("data.json"), TestSupport.data());
    assertEquals(RouteSet.PREFIXED, Main.parse("--data=" + data, "--routes=prefixed").routes());
    assertEquals(RouteSet.BOTH, Main.parse("--data=" + data, "--routes=both").routes());
    assertEquals(RouteSet.LEGACY, Main.parse("--data=" + data, "--routes=LEGACY").routes());
    assertEquals(RouteSet.BOTH, Main.parse("--legacy-routes", "--data=" + data).routes());
    assertEquals(RouteSet.BOTH, Main.parse("--legacy-routes", "--routes=both", "--data=" + data).routes());
    assertThrows(IllegalArgumentException.class, () -> Main.parse("--data=" + data, "--routes=classic"));
    assertThrows(IllegalArgumentException.class,
        () -> Main.parse("--data=" + data, "--legacy-routes", "--routes=prefixed"));
    assertTrue(Main.usage().contains("--routes=prefixed|both|legacy"), Main.usage());
    assertTrue(Main.usage().contains("--legacy-routes"), Main.usage());
    try (ActitoEmulator emu = Main.start(Main.parse("--port=0", "--data=" + data, "--routes=legacy"))) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      assertEquals(200, api.get(TestSupport.CLASSIC_ORDERS + "/o-1").statusCode());
      assertEquals(404, api.get(TestSupport.ORDERS + "/o-1").statusCode());
    }
  }

  @Test
  void invalidDataFileFailsFast() throws IOException {
    Path data = Files.writeString(dir.resolve("bad.json"), "{\"entities\":[{\"name\":\"demo\"}],\"customTables\":"
        + "[{\"entity\":\"demo\",\"name\":\"t\",\"attributes\":[{\"name\":\"a\",\"valueType\":\"WHAT\"}]}]}");
    assertThrows(org.actitosync.emulator.model.DataFileException.class,
        () -> Main.start(Main.parse("--port=0", "--data=" + data)));
  }
}
