package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/** Deterministic coder for {@link WriteOutcome}. */
public final class WriteOutcomeCoder extends AtomicCoder<WriteOutcome> {
  private static final WriteOutcomeCoder INSTANCE = new WriteOutcomeCoder();
  private static final OutcomeStatus[] STATUSES = OutcomeStatus.values();

  public static WriteOutcomeCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(WriteOutcome value, OutputStream out) throws IOException {
    ClassificationCoder.of().encode(value.change(), out);
    out.write(value.status().ordinal());
    VarInt.encode(value.httpStatus(), out);
    Encoding.writeNullableString(value.message(), out);
    VarInt.encode(value.attempts(), out);
  }

  @Override
  public WriteOutcome decode(InputStream in) throws IOException {
    return WriteOutcome.of(
        ClassificationCoder.of().decode(in),
        STATUSES[in.read()],
        VarInt.decodeInt(in),
        Encoding.readNullableString(in),
        VarInt.decodeInt(in));
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
