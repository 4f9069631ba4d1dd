package org.actitosync.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;

/**
 * Decodes a snapshot file's records straight into {@link SnapshotEntry} (issue 18: the snapshot read
 * was 13 % of the diff path, mostly building a {@link GenericRecord} per entry and reading it back by
 * field name). A file written with {@link SnapshotAvro#SCHEMA} (every snapshot so far) is read field
 * by field in schema order, with no intermediate record; a file written with any other schema is read
 * through Avro's schema resolution into {@link SnapshotAvro#SCHEMA} and {@link SnapshotAvro#fromAvro},
 * as before. Same entries either way.
 */
final class SnapshotEntryReader implements DatumReader<SnapshotEntry> {
  private static final EntryState[] STATES = EntryState.values();

  private boolean direct;
  private GenericDatumReader<GenericRecord> resolving;
  private final byte[] row = new byte[8];
  private ByteBuffer attrs;

  SnapshotEntryReader(Schema writer) {
    setSchema(writer);
  }

  /** The factory {@link AvroSource} calls; each file's reader then gets its writer schema ({@link #setSchema}). */
  static AvroSource.DatumReaderFactory<SnapshotEntry> factory() {
    return (writerSchema, readerSchema) -> new SnapshotEntryReader(SnapshotAvro.SCHEMA);
  }

  /** The writer's schema (Avro's file reader sets it from the file's header before the first record). */
  @Override
  public void setSchema(Schema writer) {
    direct = writer.equals(SnapshotAvro.SCHEMA);
    resolving = direct ? null : new GenericDatumReader<>(writer, SnapshotAvro.SCHEMA);
  }

  @Override
  public SnapshotEntry read(SnapshotEntry reuse, Decoder in) throws IOException {
    if (!direct) {
      return SnapshotAvro.fromAvro(resolving.read(null, in));
    }
    String key = in.readString();
    in.readFixed(row);
    attrs = in.readBytes(attrs);
    int[] digests = new int[attrs.remaining() / 4];
    for (int i = 0; i < digests.length; i++) {
      digests[i] = attrs.getInt();
    }
    long rowDigest = ByteBuffer.wrap(row).getLong();
    int run = in.readInt();
    int fails = in.readInt();
    return SnapshotEntry.create(key, rowDigest, digests, run, fails, STATES[in.readInt()]);
  }
}
