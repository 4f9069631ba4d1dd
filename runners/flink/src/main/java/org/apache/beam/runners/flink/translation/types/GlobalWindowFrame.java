package org.apache.beam.runners.flink.translation.types;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.util.WindowedValue;
import org.apache.beam.sdk.util.WindowedValue.FullWindowedValueCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The bytes of a batch record in the global window, inside a {@link CoderTypeSerializer} frame. A
 * record of a Flink batch job is a {@link WindowedValue} that Beam's full coder encodes with its
 * timestamp (8 bytes), its windows (a 4-byte count and the {@link GlobalWindow}) and its pane (1
 * byte) around the value. Nearly every one is in the global window alone, with no pane firing, and
 * at the start or the end of time. Such a record is written as one marker byte ({@link #AT_MIN},
 * {@link #AT_END}, or {@link #AT} and the timestamp's 8 bytes) and the value; any other ({@link
 * #FULL}: another pane, several windows) as Beam's full coder writes it, after its marker.
 *
 * <p>Guarantee: {@link #decode} returns a record equal to the one {@link #encode} was given: same
 * value (as the value coder decodes it), timestamp, window and pane.
 */
final class GlobalWindowFrame {
  static final int FULL = 0;
  static final int AT_MIN = 1;
  static final int AT_END = 2;
  static final int AT = 3;
  private static final long MIN_MILLIS = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
  private static final Instant END = GlobalWindow.INSTANCE.maxTimestamp();
  private static final long END_MILLIS = END.getMillis();

  private GlobalWindowFrame() {}

  /** {@code coder} as a coder of records in the global window, or null if it is not one. */
  @SuppressWarnings("unchecked")
  static @Nullable FullWindowedValueCoder<Object> of(Coder<?> coder) {
    return coder instanceof FullWindowedValueCoder
            && ((FullWindowedValueCoder<?>) coder).getWindowCoder() instanceof GlobalWindow.Coder
        ? (FullWindowedValueCoder<Object>) coder
        : null;
  }

  static void encode(FullWindowedValueCoder<Object> coder, WindowedValue<Object> record, OutputStream out)
      throws IOException {
    if (!inTheGlobalWindowOnly(record) || !PaneInfo.NO_FIRING.equals(record.getPane())) {
      out.write(FULL);
      coder.encode(record, out);
      return;
    }
    long millis = record.getTimestamp().getMillis();
    if (millis == MIN_MILLIS) {
      out.write(AT_MIN);
    } else if (millis == END_MILLIS) {
      out.write(AT_END);
    } else {
      out.write(AT);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (millis >>> shift));
      }
    }
    coder.getValueCoder().encode(record.getValue(), out);
  }

  static WindowedValue<Object> decode(FullWindowedValueCoder<Object> coder, InputStream in) throws IOException {
    int marker = in.read();
    switch (marker) {
      case FULL:
        return coder.decode(in);
      case AT_MIN:
        return WindowedValue.valueInGlobalWindow(coder.getValueCoder().decode(in));
      case AT_END:
        return WindowedValue.timestampedValueInGlobalWindow(coder.getValueCoder().decode(in), END);
      case AT:
        long millis = 0;
        for (int i = 0; i < Long.BYTES; i++) {
          int b = in.read();
          if (b < 0) {
            throw new EOFException("a record's timestamp is cut short");
          }
          millis = (millis << 8) | b;
        }
        return WindowedValue.timestampedValueInGlobalWindow(coder.getValueCoder().decode(in), new Instant(millis));
      case -1:
        throw new EOFException("an empty record frame");
      default:
        throw new IOException("not a record in the global window: its first byte is " + marker);
    }
  }

  private static boolean inTheGlobalWindowOnly(WindowedValue<?> record) {
    Collection<? extends BoundedWindow> windows = record.getWindows();
    return windows.size() == 1 && windows.iterator().next() instanceof GlobalWindow;
  }
}
