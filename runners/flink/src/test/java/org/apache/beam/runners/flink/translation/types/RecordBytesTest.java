package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.util.WindowedValue.FullWindowedValueCoder;
import org.apache.beam.sdk.util.SerializableUtils;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link RecordBytes}: every record comes back equal from its bytes; bytes not a whole record fail. */
class RecordBytesTest {
  private static final FullWindowedValueCoder<String> GLOBAL =
      WindowedValue.getFullCoder(StringUtf8Coder.of(), GlobalWindow.Coder.INSTANCE);
  private static final FullWindowedValueCoder<String> INTERVAL =
      WindowedValue.getFullCoder(StringUtf8Coder.of(), IntervalWindow.getCoder());

  @Test
  void recordsComeBackEqualAfterTheirTripAsBytes() throws IOException {
    RecordBytes<String> global = RecordBytes.of(GLOBAL);
    IntervalWindow one = new IntervalWindow(new Instant(0), new Instant(10));
    IntervalWindow two = new IntervalWindow(new Instant(5), new Instant(15));
    List<WindowedValue<String>> inGlobal = List.of(
        WindowedValue.valueInGlobalWindow("a"),
        WindowedValue.valueInGlobalWindow(""),
        WindowedValue.timestampedValueInGlobalWindow("customer-0é中😀", new Instant(1_700_000_000_000L)),
        WindowedValue.of("b", new Instant(7), GlobalWindow.INSTANCE,
            PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY, 0, 0)),
        WindowedValue.valueInGlobalWindow("x".repeat(3 * CoderTypeSerializer.KEPT_BUFFER_BYTES)),
        WindowedValue.valueInGlobalWindow("after a large one"));
    for (WindowedValue<String> record : inGlobal) {
      assertRoundTrip(global, record);
    }
    // a copy as Flink ships a function: its own buffers, the same bytes
    assertRoundTrip(SerializableUtils.clone(global), inGlobal.get(2));
    assertEquals(1 + 1 + 1, global.encode(inGlobal.get(0)).length, "one marker byte, the length, the value");

    RecordBytes<String> interval = RecordBytes.of(INTERVAL);
    assertRoundTrip(interval, WindowedValue.of("a", new Instant(6), List.of(one, two), PaneInfo.NO_FIRING));
    assertRoundTrip(interval, WindowedValue.of("b", new Instant(9), one, PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void bytesThatAreNotOneWholeRecordAreAnErrorNamingTheCoder() throws IOException {
    RecordBytes<String> bytes = RecordBytes.of(GLOBAL);
    byte[] record = bytes.encode(WindowedValue.valueInGlobalWindow("abc"));

    IOException cut = assertThrows(IOException.class, () -> bytes.decode(Arrays.copyOf(record, record.length - 1)));
    assertTrue(cut.getMessage().contains("read past the end of a record of 4 bytes"), cut.getMessage());
    IOException longer = assertThrows(IOException.class, () -> bytes.decode(Arrays.copyOf(record, record.length + 2)));
    assertTrue(longer.getMessage().contains("decoded a record of 7 bytes from its first 5"), longer.getMessage());
    assertTrue(longer.getMessage().contains("StringUtf8Coder"), longer.getMessage());
    assertThrows(IOException.class, () -> bytes.decode(new byte[0]));
    assertThrows(IOException.class, () -> bytes.decode(new byte[] {9, 1, 'a'}));
    // an error leaves the instance usable
    assertRoundTrip(bytes, WindowedValue.valueInGlobalWindow("next"));
  }

  private static void assertRoundTrip(RecordBytes<String> bytes, WindowedValue<String> record) throws IOException {
    byte[] encoded = bytes.encode(record);
    WindowedValue<String> back = bytes.decode(encoded);
    assertEquals(record, back);
    assertEquals(record.getTimestamp(), back.getTimestamp());
    assertEquals(record.getPane(), back.getPane());
    assertEquals(List.copyOf(record.getWindows()), List.copyOf(back.getWindows()));
    assertArrayEquals(encoded, bytes.encode(back));
  }
}
