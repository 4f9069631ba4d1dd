package org.actitosync.actito.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtlErrorReportTest {
  private static final List<String> KEYS = List.of("o-1", "o 2", "é/=+", "o-4");

  private static EtlErrorReport parse(String csv) {
    return EtlErrorReport.parse(csv.getBytes(StandardCharsets.UTF_8), ';', "orderId",
        "errorMessage");
  }

  private static Map<String, String> match(String csv, Long rowsInError) {
    return parse(csv).rejectedByKey(KEYS, "orderId", "errorMessage", rowsInError);
  }

  @Test
  void reportLinesAreRejectedWithActitosMessage() {
    Map<String, String> rejected = match("orderId;amount;errorMessage\n"
        + "\"o 2\";x;\"attribute amount: not a number; got \"\"x\"\"\"\n"
        + "é/=+;3;unknown status\n", 2L);
    assertEquals(Map.of("o 2", "attribute amount: not a number; got \"x\"",
        "é/=+", "unknown status"), rejected);
    assertEquals(2, match("\uFEFForderId;errorMessage\no-1;a\no-4;b\n", null).size());
  }

  @Test
  void anUnmatchedReportIsRefused() {
    assertTrue(assertThrows(IllegalStateException.class,
        () -> match("orderId;errorMessage\no-1;bad\n", 2L)).getMessage().contains("2 rows in error"));
    assertTrue(assertThrows(IllegalStateException.class,
        () -> match("orderId;errorMessage\no-9;bad\n", null)).getMessage().contains("not in the file"));
    assertTrue(assertThrows(IllegalStateException.class,
        () -> match("orderId;errorMessage\n", null)).getMessage().contains("no line"));
    assertTrue(assertThrows(IllegalStateException.class,
        () -> match("orderId;errorMessage\no-1;a\no-1;b\n", null)).getMessage().contains("twice"));
  }

  /**
   * The streaming writer passes only the file's keys that the report names (it reads the file's keys
   * back from disk, keeping those in {@link EtlErrorReport#keys}): the same answer, or the same refusal,
   * as with every key of the file.
   */
  @Test
  void matchingOnTheNamedKeysInTheFileIsMatchingOnTheWholeFile() {
    for (String csv : List.of("orderId;errorMessage\n\"o 2\";a\no-4;b\n",
        "orderId;errorMessage\no-1;a\no-9;b\n", "orderId;errorMessage\no-1;a\no-1;b\n")) {
      EtlErrorReport report = parse(csv);
      List<String> namedInFile = KEYS.stream().filter(report.keys("orderId")::contains).toList();
      Object whole;
      Object named;
      try {
        whole = report.rejectedByKey(KEYS, "orderId", "errorMessage", null);
      } catch (IllegalStateException e) {
        whole = e.getMessage();
      }
      try {
        named = report.rejectedByKey(namedInFile, "orderId", "errorMessage", null);
      } catch (IllegalStateException e) {
        named = e.getMessage();
      }
      assertEquals(whole, named, csv);
    }
    assertEquals(java.util.Set.of("o 2", "o-4"),
        parse("orderId;errorMessage\n\"o 2\";a\no-4;b\n").keys("orderId"));
  }

  @Test
  void aGarbledReportIsRefused() {
    assertThrows(IllegalStateException.class,
        () -> parse("<html><body>Service temporarily unavailable</body></html>\n<p>x</p>\n"));
    assertThrows(IllegalStateException.class, () -> parse("id;errorMessage\no-1;x\n"));
    assertThrows(IllegalStateException.class, () -> parse("orderId;amount\no-1;x\n"));
    assertThrows(IllegalStateException.class,
        () -> parse("orderId;errorMessage\no-1;x;too;many;cells\n"));
  }
}
