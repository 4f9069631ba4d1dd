package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.actitosync.classify.EntryBatch;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Deterministic coder for {@link EntryBatch}: the number of entries, then the encoded entries
 * length-prefixed, so moving a batch copies its bytes without decoding its entries.
 */
public final class EntryBatchCoder extends AtomicCoder<EntryBatch> {
  private static final EntryBatchCoder INSTANCE = new EntryBatchCoder();

  public static EntryBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(EntryBatch value, OutputStream out) throws IOException {
    VarInt.encode(value.size(), out);
    VarInt.encode(value.byteLength(), out);
    value.writeBytesTo(out);
  }

  @Override
  public EntryBatch decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    byte[] bytes = new byte[VarInt.decodeInt(in)];
    Encoding.readFully(in, bytes);
    return EntryBatch.of(size, bytes);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over both encoded fields). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
