package org.actitosync.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.actitosync.record.MappedRecord;
import org.apache.beam.sdk.coders.AtomicCoder;

/** Deterministic coder for {@link MappedRecord}. */
public final class MappedRecordCoder extends AtomicCoder<MappedRecord> {
  private static final MappedRecordCoder INSTANCE = new MappedRecordCoder();

  public static MappedRecordCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(MappedRecord value, OutputStream out) throws IOException {
    Encoding.writeNullableString(value.key(), out);
    Encoding.writeStringMap(ProfileValuesInMap.merge(value.values(), value.profileValues()), out);
    Encoding.writeStringMap(value.invalid(), out);
  }

  @Override
  public MappedRecord decode(InputStream in) throws IOException {
    String key = Encoding.readNullableString(in);
    java.util.TreeMap<String, String> values = Encoding.readStringMap(in);
    java.util.SortedMap<String, String> profile = ProfileValuesInMap.split(values);
    return MappedRecord.create(key, values, Encoding.readStringMap(in), profile);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal values encode equally (AutoValue equality over every encoded field). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
