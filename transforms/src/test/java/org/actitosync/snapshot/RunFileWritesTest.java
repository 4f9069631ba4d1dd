package org.actitosync.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link WriteRunLines} and {@link WriteRunFile}: the names and contents a run's readers expect. */
class RunFileWritesTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();
  @TempDir Path dir;

  @Test
  void linesGoToTheirPrefixFilesUnderTheRunDirectory() throws Exception {
    SnapshotStore store = new SnapshotStore(dir.toString(), "act");
    List<KV<String, String>> lines = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      lines.add(KV.of("plan/changes", "{\"change\":" + i + "}"));
    }
    for (int i = 0; i < 30; i++) {
      lines.add(KV.of("plan/rejected/part", "{\"rejected\":" + i + "}"));
    }
    lines.add(KV.of("plan/profiles", "{\"profile\":\"é\"}"));
    WriteFilesResult<String> written = beam.pipeline()
        .apply(Create.of(lines).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(WriteRunLines.to(store, "r1"));
    PCollection<String> prefixes = written.getPerDestinationOutputFilenames().apply(Keys.create()).apply(Distinct.create());
    PAssert.that(prefixes).containsInAnyOrder("plan/changes", "plan/rejected/part", "plan/profiles");
    beam.pipeline().run().waitUntilFinish();

    Path run = dir.resolve("act/runs/r1");
    Map<String, List<String>> expected = new TreeMap<>();
    for (KV<String, String> line : lines) {
      expected.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
    }
    Map<String, List<String>> actual = new TreeMap<>();
    try (Stream<Path> files = Files.walk(run)) {
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String relative = run.relativize(file).toString();
        // TextIO's names: <prefix>-SSSSS-of-NNNNN.jsonl; no temporary file is left behind
        assertTrue(relative.matches("plan/(changes|rejected/part|profiles)-\\d{5}-of-\\d{5}\\.jsonl"), relative);
        String prefix = relative.substring(0, relative.lastIndexOf('-', relative.lastIndexOf("-of-") - 1));
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.endsWith("\n"), relative);
        actual.computeIfAbsent(prefix, k -> new ArrayList<>()).addAll(List.of(content.split("\n")));
      }
    }
    actual.values().forEach(l -> l.sort(null));
    expected.values().forEach(l -> l.sort(null));
    assertEquals(expected, actual);
  }

  @Test
  void theOneElementReplacesTheFileWhole() throws Exception {
    Path file = dir.resolve("runs/r1/plan/strategy.json");
    Files.createDirectories(file.getParent());
    // a longer earlier content (an earlier attempt) must not survive past the new one
    Files.writeString(file, "{\"strategy\":\"BULK\",\"reason\":\"an earlier, longer attempt\"}\n");
    PCollection<String> written = beam.pipeline()
        .apply(Create.of("{\"strategy\":\"RECORDS\"}"))
        .apply(WriteRunFile.to(file.toString()));
    PAssert.that(written).containsInAnyOrder(file.toString());
    beam.pipeline().run().waitUntilFinish();

    assertEquals("{\"strategy\":\"RECORDS\"}\n", Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file left");
    }
  }
}
