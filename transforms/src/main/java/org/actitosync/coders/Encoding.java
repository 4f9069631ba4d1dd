package org.actitosync.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.util.VarInt;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Compact, deterministic binary encodings shared by this project's coders. */
public final class Encoding {
  private Encoding() {}

  public static void writeString(String s, OutputStream out) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  public static String readString(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    byte[] bytes = new byte[length];
    readFully(in, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Fills {@code bytes} from {@code in}; EOFException when the stream ends first. */
  public static void readFully(InputStream in, byte[] bytes) throws IOException {
    int read = 0;
    while (read < bytes.length) {
      int n = in.read(bytes, read, bytes.length - read);
      if (n < 0) {
        throw new java.io.EOFException();
      }
      read += n;
    }
  }

  public static void writeNullableString(@Nullable String s, OutputStream out) throws IOException {
    out.write(s == null ? 0 : 1);
    if (s != null) {
      writeString(s, out);
    }
  }

  public static @Nullable String readNullableString(InputStream in) throws IOException {
    return readPresence(in) ? readString(in) : null;
  }

  public static boolean readPresence(InputStream in) throws IOException {
    int flag = in.read();
    if (flag < 0) {
      throw new java.io.EOFException();
    }
    return flag == 1;
  }

  public static void writeStringMap(Map<String, String> map, OutputStream out) throws IOException {
    VarInt.encode(map.size(), out);
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue(), out);
    }
  }

  public static TreeMap<String, String> readStringMap(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      map.put(readString(in), readString(in));
    }
    return map;
  }

  public static void writeStringList(List<String> list, OutputStream out) throws IOException {
    VarInt.encode(list.size(), out);
    for (String s : list) {
      writeString(s, out);
    }
  }

  public static List<String> readStringList(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    List<String> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(readString(in));
    }
    return list;
  }

  public static void writeLong(long value, OutputStream out) throws IOException {
    new DataOutputStream(out).writeLong(value);
  }

  public static long readLong(InputStream in) throws IOException {
    return new DataInputStream(in).readLong();
  }

  public static void writeInt(int value, OutputStream out) throws IOException {
    new DataOutputStream(out).writeInt(value);
  }

  public static int readInt(InputStream in) throws IOException {
    return new DataInputStream(in).readInt();
  }
}
