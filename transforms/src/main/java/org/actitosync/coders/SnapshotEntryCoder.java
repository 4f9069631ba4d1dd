package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.actitosync.snapshot.EntryState;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Deterministic coder for {@link SnapshotEntry}. */
public final class SnapshotEntryCoder extends AtomicCoder<SnapshotEntry> {
  private static final SnapshotEntryCoder INSTANCE = new SnapshotEntryCoder();
  private static final EntryState[] STATES = EntryState.values();

  public static SnapshotEntryCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SnapshotEntry value, OutputStream out) throws IOException {
    Encoding.writeString(value.key(), out);
    Encoding.writeLong(value.rowDigest(), out);
    VarInt.encode(value.attributeCount(), out);
    for (int i = 0; i < value.attributeCount(); i++) {
      Encoding.writeInt(value.attributeDigest(i), out);
    }
    VarInt.encode(value.runNumber(), out);
    VarInt.encode(value.failStreak(), out);
    out.write(value.state().ordinal());
  }

  @Override
  public SnapshotEntry decode(InputStream in) throws IOException {
    String key = Encoding.readString(in);
    long row = Encoding.readLong(in);
    int[] digests = new int[VarInt.decodeInt(in)];
    for (int i = 0; i < digests.length; i++) {
      digests[i] = Encoding.readInt(in);
    }
    int runNumber = VarInt.decodeInt(in);
    int failStreak = VarInt.decodeInt(in);
    EntryState state = STATES[in.read()];
    return SnapshotEntry.create(key, row, digests, runNumber, failStreak, state);
  }

  static void encodeNullable(@Nullable SnapshotEntry entry, OutputStream out) throws IOException {
    out.write(entry == null ? 0 : 1);
    if (entry != null) {
      INSTANCE.encode(entry, out);
    }
  }

  static @Nullable SnapshotEntry decodeNullable(InputStream in) throws IOException {
    return Encoding.readPresence(in) ? INSTANCE.decode(in) : null;
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
