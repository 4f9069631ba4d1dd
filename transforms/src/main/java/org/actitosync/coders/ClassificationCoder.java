package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Deterministic coder for {@link Classification}. */
public final class ClassificationCoder extends AtomicCoder<Classification> {
  private static final ClassificationCoder INSTANCE = new ClassificationCoder();
  private static final ChangeKind[] KINDS = ChangeKind.values();
  private static final WriteSemantics[] SEMANTICS = WriteSemantics.values();
  private static final int SAME_AS_PREVIOUS = 2;

  public static ClassificationCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Classification value, OutputStream out) throws IOException {
    Encoding.writeString(value.key(), out);
    out.write(value.kind().ordinal());
    out.write(value.semantics() == null ? 0 : value.semantics().ordinal() + 1);
    Encoding.writeStringList(value.changedAttributes(), out);
    Encoding.writeStringMap(ProfileValuesInMap.merge(value.values(), value.profileValues()), out);
    Encoding.writeNullableString(value.rule(), out);
    Encoding.writeNullableString(value.reason(), out);
    VarInt.encode(value.rejectedRows().size(), out);
    for (MappedRecord row : value.rejectedRows()) {
      MappedRecordCoder.of().encode(row, out);
    }
    SnapshotEntryCoder.encodeNullable(value.previousEntry(), out);
    if (value.nextEntry() != null && value.nextEntry().equals(value.previousEntry())) {
      out.write(SAME_AS_PREVIOUS); // most keys of a run: unchanged, the entry carried over as is
    } else {
      SnapshotEntryCoder.encodeNullable(value.nextEntry(), out);
    }
  }

  @Override
  public Classification decode(InputStream in) throws IOException {
    String key = Encoding.readString(in);
    Classification.Builder builder = Classification.builder(key, KINDS[in.read()]);
    int semantics = in.read();
    builder.setSemantics(semantics == 0 ? null : SEMANTICS[semantics - 1]);
    builder.changedAttributes(Encoding.readStringList(in));
    java.util.TreeMap<String, String> values = Encoding.readStringMap(in);
    builder.profileValues(ProfileValuesInMap.split(values));
    builder.values(values);
    builder.setRule(Encoding.readNullableString(in));
    builder.setReason(Encoding.readNullableString(in));
    int rows = VarInt.decodeInt(in);
    List<MappedRecord> rejected = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      rejected.add(MappedRecordCoder.of().decode(in));
    }
    builder.rejectedRows(rejected);
    SnapshotEntry previous = SnapshotEntryCoder.decodeNullable(in);
    builder.setPreviousEntry(previous);
    builder.setNextEntry(nextEntry(previous, in));
    return builder.build();
  }

  /** The next entry: absent (0), present (1, then the entry) or the previous one again (2). */
  private static @Nullable SnapshotEntry nextEntry(@Nullable SnapshotEntry previous, InputStream in)
      throws IOException {
    int flag = in.read();
    if (flag < 0) {
      throw new java.io.EOFException();
    }
    if (flag == SAME_AS_PREVIOUS) {
      return previous;
    }
    return flag == 0 ? null : SnapshotEntryCoder.of().decode(in);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
