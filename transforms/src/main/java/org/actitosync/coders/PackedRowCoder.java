package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.actitosync.classify.PackedRow;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Deterministic coder for {@link PackedRow}: the 64-bit row digest, a valid flag byte, then the
 * encoded record length-prefixed, so shuffling a row copies its bytes instead of encoding and
 * decoding its values field by field. 9 bytes plus a 1-2 byte length more than the record's own
 * encoding without its key.
 */
public final class PackedRowCoder extends AtomicCoder<PackedRow> {
  private static final PackedRowCoder INSTANCE = new PackedRowCoder();

  public static PackedRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PackedRow value, OutputStream out) throws IOException {
    Encoding.writeLong(value.rowDigest(), out);
    out.write(value.valid() ? 1 : 0);
    VarInt.encode(value.recordLength(), out);
    value.writeRecordTo(out);
  }

  @Override
  public PackedRow decode(InputStream in) throws IOException {
    long rowDigest = Encoding.readLong(in);
    boolean valid = Encoding.readPresence(in);
    byte[] record = new byte[VarInt.decodeInt(in)];
    Encoding.readFully(in, record);
    return PackedRow.create(rowDigest, valid, record);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
