package org.actitosync.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void invalidDataFileFailsFast() throws IOException {
    Path data = Files.writeString(dir.resolve("bad.json"), "{\"entities\":[{\"name\":\"demo\"}],\"customTables\":"
        + "[{\"entity\":\"demo\",\"name\":\"t\",\"attributes\":[{\"name\":\"a\",\"valueType\":\"WHAT\"}]}]}");
    assertThrows(org.actitosync.emulator.model.DataFileException.class,
        () -> Main.start(Main.parse("--port=0", "--data=" + data)));
  }
}
