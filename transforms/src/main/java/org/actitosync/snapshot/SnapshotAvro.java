package org.actitosync.snapshot;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * The on-disk form of a {@link SnapshotEntry}: one compact Avro record per key. The row digest is a
 * fixed 8 bytes (a varint would take up to 10 for a random 64-bit value), the attribute digests one
 * byte string of 4 bytes per attribute in layout order, run number, failure streak and state as varints.
 */
public final class SnapshotAvro {
  public static final Schema SCHEMA =
      SchemaBuilder.record("SnapshotEntry")
          .namespace("org.actitosync.snapshot")
          .fields()
          .requiredString("key")
          .name("row")
          .type(Schema.createFixed("Digest64", null, "org.actitosync.snapshot", 8))
          .noDefault()
          .requiredBytes("attrs")
          .requiredInt("run")
          .requiredInt("fails")
          .requiredInt("state")
          .endRecord();

  private static final Schema DIGEST_SCHEMA = SCHEMA.getField("row").schema();

  /**
   * Compression of snapshot files: Snappy, Beam's default for Avro files (its library is a
   * dependency of Beam's core, so every runner has it). Digests are incompressible and keys
   * compress well, so Deflate at level 9 (used before) saved 5 bytes per entry (38.4 instead of
   * 43.3 B with the benchmark's 10 attributes) at 9 times the CPU: 2.6–3.8 s per 1,000,000 entries
   * written against 0.3–0.4 s, on the last step before the commit (docs/benchmarks.md). Readers
   * take the codec from each file, so snapshots written with Deflate read as before.
   */
  public static org.apache.avro.file.CodecFactory codec() {
    return org.apache.avro.file.CodecFactory.snappyCodec();
  }

  private SnapshotAvro() {}

  public static GenericRecord toAvro(SnapshotEntry entry) {
    GenericData.Record record = new GenericData.Record(SCHEMA);
    record.put("key", entry.key());
    record.put(
        "row", new GenericData.Fixed(DIGEST_SCHEMA, ByteBuffer.allocate(8).putLong(entry.rowDigest()).array()));
    ByteBuffer attrs = ByteBuffer.allocate(4 * entry.attributeCount());
    for (int i = 0; i < entry.attributeCount(); i++) {
      attrs.putInt(entry.attributeDigest(i));
    }
    attrs.flip();
    record.put("attrs", attrs);
    record.put("run", entry.runNumber());
    record.put("fails", entry.failStreak());
    record.put("state", entry.state().ordinal());
    return record;
  }

  public static SnapshotEntry fromAvro(GenericRecord record) {
    long row = ByteBuffer.wrap(((GenericFixed) record.get("row")).bytes()).getLong();
    ByteBuffer attrs = ((ByteBuffer) record.get("attrs")).duplicate();
    int[] digests = new int[attrs.remaining() / 4];
    for (int i = 0; i < digests.length; i++) {
      digests[i] = attrs.getInt();
    }
    return SnapshotEntry.create(
        record.get("key").toString(),
        row,
        digests,
        (Integer) record.get("run"),
        (Integer) record.get("fails"),
        EntryState.values()[(Integer) record.get("state")]);
  }
}
