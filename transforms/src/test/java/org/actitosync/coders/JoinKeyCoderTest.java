package org.actitosync.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class JoinKeyCoderTest {
  static final JoinKeyCoder CODER = JoinKeyCoder.of();
  /** Empty, ASCII, Unicode, the path steps the classifier rejects, separators, and a 10 KB key. */
  static final List<String> KEYS =
      List.of(
          "",
          ".",
          "..",
          "...",
          "/",
          "a/b",
          "k é/=",
          "ORD-2024-0000001",
          "é",
          "🙂",
          "客户-000042",
          "café 🙂 客户",
          "\u0000",
          "x".repeat(10_240),
          "é🙂".repeat(2_000));

  @Test
  void roundTripsInBothContextsAndIsDeterministic() throws Exception {
    CODER.verifyDeterministic();
    CoderProperties.coderSerializable(CODER);
    for (String key : KEYS) {
      CoderProperties.coderDecodeEncodeEqual(CODER, key);
      CoderProperties.coderDecodeEncodeEqualInContext(CODER, Coder.Context.OUTER, key);
      CoderProperties.coderDecodeEncodeEqualInContext(CODER, Coder.Context.NESTED, key);
      String copy = new String(key.toCharArray());
      CoderProperties.coderDeterministic(CODER, key, copy);
      CoderProperties.coderConsistentWithEquals(CODER, key, copy);
      CoderProperties.structuralValueConsistentWithEquals(CODER, key, copy);
      CoderProperties.structuralValueDecodeEncodeEqual(CODER, key);
      CoderProperties.coderDecodeEncodeEqual(KvCoder.of(CODER, VarLongCoder.of()), KV.of(key, 7L));
    }
    for (String a : KEYS) {
      for (String b : KEYS) {
        if (!a.equals(b)) {
          CoderProperties.coderConsistentWithEquals(CODER, a, b);
          CoderProperties.structuralValueConsistentWithEquals(CODER, a, b);
        }
      }
    }
  }

  @Test
  void isTheHashThenStringUtf8CodersBytesInEachContext() throws Exception {
    for (String key : KEYS) {
      for (Coder.Context context : List.of(Coder.Context.OUTER, Coder.Context.NESTED)) {
        byte[] ours = CoderUtils.encodeToByteArray(CODER, key, context);
        byte[] utf8 = CoderUtils.encodeToByteArray(StringUtf8Coder.of(), key, context);
        assertArrayEquals(utf8, Arrays.copyOfRange(ours, 4, ours.length), key + " " + context);
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(JoinKeyCoder.hash(bytes), ByteBuffer.wrap(ours).getInt());
      }
      assertEquals(
          CoderUtils.encodeToByteArray(CODER, key, Coder.Context.NESTED).length,
          CODER.getEncodedElementByteSize(key),
          "the nested byte size, without encoding");
    }
    // the outer context reads to the end of the stream: an empty key is its hash alone
    assertEquals(4, CoderUtils.encodeToByteArray(CODER, "", Coder.Context.OUTER).length);
  }

  @Test
  void refusesBytesWhoseHashIsNotTheirKeys() throws Exception {
    byte[] encoded = CoderUtils.encodeToByteArray(CODER, "CUST-000000000123");
    encoded[encoded.length - 1] = '4';
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, encoded));
    byte[] plain = CoderUtils.encodeToByteArray(StringUtf8Coder.of(), "CUST-000000000123");
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, plain));
    assertThrows(CoderException.class, () -> CoderUtils.encodeToByteArray(CODER, null));
  }

  /**
   * What the coder is for: 100,000 keys sharing a long prefix all tie on the first 8 bytes of
   * StringUtf8Coder's outer encoding, the normalized key Flink's sorter compares first, while with
   * this coder two keys tie there only when their 32-bit hashes collide (the next 4 bytes, the
   * keys' first 4, are equal). For a well-mixed hash the colliding pairs among n keys are about
   * Poisson with mean n(n-1)/2^33, 1.16 for n = 100,000. The bound, at most 20 keys (0.02 %)
   * sharing their prefix with another, fails only with 10 or more colliding pairs: probability
   * below 1e-6 for such a hash, while a poorly mixed one (e.g. the key's length) fails it at once.
   */
  @Test
  void keysSharingALongPrefixDifferInTheirFirst8Bytes() throws Exception {
    int n = 100_000;
    for (String format : List.of("CUST-%012d", "ORD-2024-%07d", "customer_%06d")) {
      Map<Long, Integer> ours = new HashMap<>();
      Map<Long, Integer> plain = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String key = String.format(format, i);
        ours.merge(prefix(CODER, key), 1, Integer::sum);
        plain.merge(prefix(StringUtf8Coder.of(), key), 1, Integer::sum);
      }
      assertEquals(1, plain.size(), format + ": StringUtf8Coder's first 8 bytes are all equal");
      int sharing = ours.values().stream().filter(c -> c > 1).mapToInt(Integer::intValue).sum();
      assertTrue(sharing <= 20, format + ": " + sharing + " keys share their first 8 bytes");
    }
  }

  @Test
  void unequalKeysDifferInTheirEncodings() throws Exception {
    assertNotEquals(
        ByteBuffer.wrap(CoderUtils.encodeToByteArray(CODER, "CUST-000000000001")),
        ByteBuffer.wrap(CoderUtils.encodeToByteArray(CODER, "CUST-000000000002")));
    assertNotEquals(
        ByteBuffer.wrap(CoderUtils.encodeToByteArray(CODER, ".")),
        ByteBuffer.wrap(CoderUtils.encodeToByteArray(CODER, "..")));
  }

  /** As with StringUtf8Coder: Strings of equal UTF-8 bytes (unpaired surrogates) group together. */
  @Test
  void groupsUnpairedSurrogatesAsStringUtf8CoderDoes() throws Exception {
    String high = "k\uD800";
    String low = "k\uDBFF";
    assertArrayEquals(
        CoderUtils.encodeToByteArray(StringUtf8Coder.of(), high),
        CoderUtils.encodeToByteArray(StringUtf8Coder.of(), low));
    byte[] ours = CoderUtils.encodeToByteArray(CODER, high);
    assertArrayEquals(ours, CoderUtils.encodeToByteArray(CODER, low));
    assertEquals("k?", CoderUtils.decodeFromByteArray(CODER, ours));
    byte[] plain = CoderUtils.encodeToByteArray(StringUtf8Coder.of(), high);
    assertEquals(
        CoderUtils.decodeFromByteArray(StringUtf8Coder.of(), plain),
        CoderUtils.decodeFromByteArray(CODER, ours));
  }

  private static long prefix(Coder<String> coder, String key) throws Exception {
    byte[] outer = CoderUtils.encodeToByteArray(coder, key, Coder.Context.OUTER);
    return ByteBuffer.wrap(Arrays.copyOf(outer, 8)).getLong(); // zero-padded, as Flink pads it
  }
}
