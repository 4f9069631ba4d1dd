package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.util.WindowedValue.FullWindowedValueCoder;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link GlobalWindowFrame}: every record comes back equal, the usual ones in one byte of header. */
class GlobalWindowFrameTest {
  @SuppressWarnings("unchecked")
  private static final FullWindowedValueCoder<Object> GLOBAL = (FullWindowedValueCoder<Object>) (Object)
      WindowedValue.getFullCoder(StringUtf8Coder.of(), GlobalWindow.Coder.INSTANCE);

  @Test
  void recordsInTheGlobalWindowComeBackEqualAfterOneMarkerByte() throws IOException {
    Instant end = GlobalWindow.INSTANCE.maxTimestamp();
    assertFrame(WindowedValue.valueInGlobalWindow("a"), GlobalWindowFrame.AT_MIN, 1 + 2);
    assertFrame(WindowedValue.timestampedValueInGlobalWindow("a", end), GlobalWindowFrame.AT_END, 1 + 2);
    assertFrame(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(-5)), GlobalWindowFrame.AT, 1 + 8 + 2);
    assertFrame(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(1_700_000_000_000L)), GlobalWindowFrame.AT,
        1 + 8 + 2);
  }

  @Test
  void anyOtherRecordIsWrittenByBeamsFullCoderAfterItsMarker() throws IOException {
    WindowedValue<Object> firing = WindowedValue.of("a", new Instant(7), GlobalWindow.INSTANCE,
        PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY, 0, 0));
    assertFrame(firing, GlobalWindowFrame.FULL, 1 + nested(firing).length);
    WindowedValue<Object> empty = WindowedValue.of("a", BoundedWindow.TIMESTAMP_MIN_VALUE, List.of(
        GlobalWindow.INSTANCE, GlobalWindow.INSTANCE), PaneInfo.NO_FIRING);
    assertFrame(empty, GlobalWindowFrame.FULL, 1 + nested(empty).length);
  }

  @Test
  void onlyCodersOfTheGlobalWindowAreFramedThisWay() {
    assertEquals(GLOBAL, GlobalWindowFrame.of(GLOBAL));
    assertNull(GlobalWindowFrame.of(WindowedValue.getFullCoder(StringUtf8Coder.of(), IntervalWindow.getCoder())));
    assertNull(GlobalWindowFrame.of(WindowedValue.getValueOnlyCoder(StringUtf8Coder.of())));
    assertNull(GlobalWindowFrame.of(StringUtf8Coder.of()));
  }

  @Test
  void aCutOrForeignFrameIsAnError() {
    assertThrows(EOFException.class, () -> GlobalWindowFrame.decode(GLOBAL, new ByteArrayInputStream(new byte[0])));
    assertThrows(EOFException.class,
        () -> GlobalWindowFrame.decode(GLOBAL, new ByteArrayInputStream(new byte[] {GlobalWindowFrame.AT, 0, 0})));
    assertThrows(IOException.class, () -> GlobalWindowFrame.decode(GLOBAL, new ByteArrayInputStream(new byte[] {9})));
  }

  /** The record as Beam's full coder writes it as a field (the value length-prefixed). */
  private static byte[] nested(WindowedValue<Object> record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GLOBAL.encode(record, out);
    return out.toByteArray();
  }

  private static void assertFrame(WindowedValue<Object> record, int marker, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GlobalWindowFrame.encode(GLOBAL, record, out);
    byte[] bytes = out.toByteArray();
    assertEquals(marker, bytes[0]);
    assertEquals(size, bytes.length);
    WindowedValue<Object> back = GlobalWindowFrame.decode(GLOBAL, new ByteArrayInputStream(bytes));
    assertEquals(record, back);
    assertEquals(record.getTimestamp(), back.getTimestamp());
    assertEquals(record.getPane(), back.getPane());
    assertArrayEquals(CoderUtils.encodeToByteArray(GLOBAL, record), CoderUtils.encodeToByteArray(GLOBAL, back));
  }
}
