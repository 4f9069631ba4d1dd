package org.actitosync.coders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.PositionalValues;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.VarInt;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Deterministic coder for the {@link MappedRecord}s of one {@link AttributeLayout}: the values are
 * written by position in the layout (a presence bitmap, then the present values), not with their
 * attribute names. This is the coder of every row the job shuffles; it carries about half the
 * bytes of {@link MappedRecordCoder} and decodes without comparing names.
 *
 * <p>Any record round-trips, also one holding attributes outside the layout (they follow the
 * positional part with their names), invalid values (with their names and reasons) or profile-only
 * values (see {@link ProfileValuesInMap}: no byte more when there are none). Two coders
 * are equal when their layouts are.
 */
public final class LayoutRecordCoder extends CustomCoder<MappedRecord> {
  private static final long serialVersionUID = 1L;

  private final AttributeLayout layout;

  private LayoutRecordCoder(AttributeLayout layout) {
    this.layout = layout;
  }

  public static LayoutRecordCoder of(AttributeLayout layout) {
    return new LayoutRecordCoder(layout);
  }

  @Override
  public void encode(MappedRecord value, OutputStream out) throws IOException {
    Encoding.writeNullableString(value.key(), out);
    encodeWithoutKey(value, out);
  }

  /**
   * Writes everything of {@code value} but its key, for a holder that keeps the key elsewhere (the
   * packed rows of the join, keyed by it): {@link #decodeWithKey} reads it back.
   */
  public void encodeWithoutKey(MappedRecord value, OutputStream out) throws IOException {
    encodeWithoutKey(value, layout.positions(value.values()), out);
  }

  /**
   * {@link #encodeWithoutKey(MappedRecord, OutputStream)}, given {@code value}'s values by position
   * in this coder's layout ({@link AttributeLayout#positions}).
   */
  private void encodeWithoutKey(MappedRecord value, String[] positional, OutputStream out) throws IOException {
    List<String> names = layout.names();
    Map<String, String> values = value.values();
    byte[] presence = new byte[(names.size() + 7) / 8];
    int found = 0;
    for (int i = 0; i < positional.length; i++) {
      if (positional[i] != null) {
        presence[i >> 3] |= (byte) (1 << (i & 7));
        found++;
      }
    }
    out.write(presence);
    for (String v : positional) {
      if (v != null) {
        Encoding.writeString(v, out);
      }
    }
    if (found == values.size()) {
      Encoding.writeStringMap(ProfileValuesInMap.merge(Map.of(), value.profileValues()), out);
    } else {
      TreeMap<String, String> extra = new TreeMap<>(values);
      extra.keySet().removeAll(names);
      Encoding.writeStringMap(ProfileValuesInMap.merge(extra, value.profileValues()), out);
    }
    Encoding.writeStringMap(value.invalid(), out);
  }

  /**
   * The bytes {@link #encodeWithoutKey(MappedRecord, OutputStream)} writes, given {@code value}'s
   * values by position in this coder's layout ({@code positional}) and their UTF-8 bytes ({@code
   * positionalUtf8}), for a caller that has them (the packing of a row also digests them). A record
   * of the layout's attributes only, all valid and with no profile value (nearly every row), is
   * written straight into an array of its exact length, each value's bytes copied once; any other
   * goes through the stream. The bytes are the same either way.
   */
  public byte[] encodeWithoutKey(MappedRecord value, String[] positional, byte[][] positionalUtf8) throws IOException {
    int found = 0;
    int length = (positionalUtf8.length + 7) / 8 + 2; // the presence bitmap; two empty maps
    for (byte[] bytes : positionalUtf8) {
      if (bytes != null) {
        found++;
        length += VarInt.getLength(bytes.length) + bytes.length;
      }
    }
    if (found != value.values().size() || !value.profileValues().isEmpty() || !value.invalid().isEmpty()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
      encodeWithoutKey(value, positional, out);
      return out.toByteArray();
    }
    byte[] encoded = new byte[length];
    int at = (positionalUtf8.length + 7) / 8;
    for (int i = 0; i < positionalUtf8.length; i++) {
      byte[] bytes = positionalUtf8[i];
      if (bytes != null) {
        encoded[i >> 3] |= (byte) (1 << (i & 7));
        for (int rest = bytes.length; ; rest >>>= 7) { // VarInt.encode's bytes
          if ((rest & ~0x7F) == 0) {
            encoded[at++] = (byte) rest;
            break;
          }
          encoded[at++] = (byte) ((rest & 0x7F) | 0x80);
        }
        System.arraycopy(bytes, 0, encoded, at, bytes.length);
        at += bytes.length;
      }
    }
    // the last two bytes, 0 and 0, are the sizes of the empty profile-value and invalid-value maps
    return encoded;
  }

  @Override
  public MappedRecord decode(InputStream in) throws IOException {
    return decodeWithKey(Encoding.readNullableString(in), in);
  }

  /** Reads what {@link #encodeWithoutKey} wrote, as the record of {@code key}. */
  public MappedRecord decodeWithKey(@Nullable String key, InputStream in) throws IOException {
    String[] positional = new String[layout.size()];
    byte[] presence = new byte[(positional.length + 7) / 8];
    Encoding.readFully(in, presence);
    for (int i = 0; i < positional.length; i++) {
      if ((presence[i >> 3] & (1 << (i & 7))) != 0) {
        positional[i] = Encoding.readString(in);
      }
    }
    TreeMap<String, String> extra = Encoding.readStringMap(in);
    java.util.SortedMap<String, String> profile = ProfileValuesInMap.split(extra);
    Map<String, String> values = PositionalValues.of(layout, positional); // nearly every record: no tree
    if (!extra.isEmpty()) {
      TreeMap<String, String> named = new TreeMap<>(values);
      named.putAll(extra); // the attributes outside the layout
      values = named;
    }
    return MappedRecord.create(key, values, Encoding.readStringMap(in), profile);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayoutRecordCoder && layout.equals(((LayoutRecordCoder) o).layout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(LayoutRecordCoder.class, layout);
  }

  @Override
  public String toString() {
    return "LayoutRecordCoder" + layout.names();
  }
}
