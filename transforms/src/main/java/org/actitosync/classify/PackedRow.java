package org.actitosync.classify;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.record.RecordDigest;

/**
 * One source row as it crosses the join ({@link Classify}), keyed by its key: what the join needs
 * to tell an unchanged key without decoding the row (its 64-bit row digest and whether it is valid)
 * and the record itself, encoded once (by {@link PackedClassifier#pack}, without its key, which is
 * the join's key), decoded only for a key that is not unchanged.
 */
@AutoValue
public abstract class PackedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The {@link RecordDigest#row()} of the record. */
  public abstract long rowDigest();

  /** Whether the record is valid ({@link org.actitosync.record.MappedRecord#isValid()}). */
  public abstract boolean valid();

  /** The record without its key, as {@link org.actitosync.coders.LayoutRecordCoder#encodeWithoutKey} wrote it. */
  @SuppressWarnings("mutable")
  abstract byte[] recordBytesInternal();

  /** The length of the encoded record. */
  public int recordLength() {
    return recordBytesInternal().length;
  }

  /** Writes the encoded record to {@code out}, without copying it. */
  public void writeRecordTo(java.io.OutputStream out) throws java.io.IOException {
    out.write(recordBytesInternal());
  }

  /** Reads the encoded record, without copying it. */
  public java.io.InputStream recordStream() {
    return new java.io.ByteArrayInputStream(recordBytesInternal());
  }

  /** Takes ownership of {@code recordBytes} (not copied: the caller must not change it). */
  public static PackedRow create(long rowDigest, boolean valid, byte[] recordBytes) {
    return new AutoValue_PackedRow(rowDigest, valid, recordBytes);
  }
}
