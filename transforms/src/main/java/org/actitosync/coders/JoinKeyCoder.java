package org.actitosync.coders;

import com.google.common.base.Utf8;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * Deterministic coder for the classification join's key (an activation's key, a String): a 4-byte
 * big-endian hash of the key's UTF-8 bytes ({@link #hash}), then those bytes, length-prefixed in
 * the nested context and not in the outer one, exactly as {@link
 * org.apache.beam.sdk.coders.StringUtf8Coder} writes them: 4 bytes more than StringUtf8Coder.
 *
 * <p>Why it exists: on Flink batch a GroupByKey sorts its records by the key's outer encoding, and
 * Flink's sorter keeps only the first 8 bytes of it as the normalized key; whenever those tie, it
 * falls back to deserialising both records' keys and comparing them in full. Real keys often share
 * a long prefix ({@code CUST-000000123}, {@code ORD-2024-0000001}), so with StringUtf8Coder nearly
 * every comparison of the sort ties on 8 bytes. With the hash first, keys tie on those 8 bytes only
 * when their hashes collide as well.
 *
 * <p>Guarantees: two keys have equal encodings exactly when StringUtf8Coder's encodings are equal
 * (the whole key follows the hash), so it groups exactly as StringUtf8Coder does: by key, for any
 * String that is valid Unicode; a key decodes to itself (a String with an unpaired surrogate, as
 * with StringUtf8Coder, to its UTF-8 form with a {@code ?}). A decoded hash that is not its key's
 * is a {@link CoderException}. The order it induces is by hash, not alphabetical: use it only where
 * records are grouped by key, never where their order matters.
 */
public final class JoinKeyCoder extends AtomicCoder<String> {
  private static final JoinKeyCoder INSTANCE = new JoinKeyCoder();
  private static final HashFunction MURMUR3 = Hashing.murmur3_32_fixed();

  public static JoinKeyCoder of() {
    return INSTANCE;
  }

  /**
   * The hash of a key's UTF-8 bytes: Guava's {@code murmur3_32_fixed}, a fixed, documented function
   * (every worker and JVM computes the same one) with full avalanche: keys that differ in one
   * trailing character differ in about half the hash bits, so the first byte decides most
   * comparisons. It hashes the bytes written anyway, one cheap pass over a short key, and, a
   * function of those bytes, it keeps the grouping StringUtf8Coder's (a hash of {@link
   * String#hashCode} would split Strings whose UTF-8 bytes are equal, e.g. two unpaired surrogates
   * both written as {@code ?}, and fail to decode them).
   */
  static int hash(byte[] utf8) {
    return MURMUR3.hashBytes(utf8).asInt();
  }

  @Override
  public void encode(String value, OutputStream out) throws IOException {
    encode(value, out, Context.NESTED);
  }

  @Override
  public void encode(String value, OutputStream out, Context context) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null key");
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int h = hash(bytes);
    out.write(new byte[] {(byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h});
    if (!context.isWholeStream) {
      VarInt.encode(bytes.length, out);
    }
    out.write(bytes);
  }

  @Override
  public String decode(InputStream in) throws IOException {
    return decode(in, Context.NESTED);
  }

  /** Reads the hash and the key; a hash that is not the key's is a CoderException. */
  @Override
  public String decode(InputStream in, Context context) throws IOException {
    int h = Encoding.readInt(in);
    byte[] bytes;
    if (context.isWholeStream) {
      bytes = in.readAllBytes();
    } else {
      bytes = new byte[VarInt.decodeInt(in)];
      Encoding.readFully(in, bytes);
    }
    if (hash(bytes) != h) {
      throw new CoderException("join key hash mismatch: not a JoinKeyCoder encoding");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal keys encode equally (the encoding is a function of the key's UTF-8 bytes). */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public boolean isRegisterByteSizeObserverCheap(String value) {
    return true;
  }

  @Override
  protected long getEncodedElementByteSize(String value) throws Exception {
    if (value == null) {
      throw new CoderException("cannot encode a null key");
    }
    int size = Utf8.encodedLength(value);
    return 4L + VarInt.getLength(size) + size;
  }
}
