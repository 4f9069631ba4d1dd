package org.actitosync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Shared fixture and a small real-HTTP client for the emulator tests. */
final class TestSupport {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String KEY = "secret-key-1";
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  /** Record and profile routes as today's Actito spells them (the emulator's default route set). */
  static final String ORDERS = "/custom-data/v4/entity/demo/customTable/orders/record";
  static final String PROFILES = "/profiles/v4/entity/demo/table/customers/profile";
  /** The same routes in the classic spelling (served with {@code RouteSet.BOTH} or {@code LEGACY}). */
  static final String CLASSIC_ORDERS = "/v4/entity/demo/customTable/orders/record";
  static final String CLASSIC_PROFILES = "/v4/entity/demo/table/customers/profile";

  private TestSupport() {
  }

  static String data() {
    try (InputStream in = TestSupport.class.getResourceAsStream("/test-data.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes one path segment (space as %20, '/' as %2F, non-ASCII as UTF-8). */
  static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] zip(String csv) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry("orders.csv"));
        z.write(csv.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String csv) {
    return gzip(csv.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(out)) {
        g.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multipart/form-data body: file parts and plain fields, in order. */
  static final class Form {
    static final String BOUNDARY = "----emulator-test-boundary";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A file part ({@code filename} and {@code contentType} may be null for a plain field). */
    Form part(String name, String filename, String contentType, byte[] bytes) {
      String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
          + (filename == null ? "" : "; filename=\"" + filename + "\"")
          + (contentType == null ? "" : "\r\nContent-Type: " + contentType) + "\r\n\r\n";
      body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Form file(String name, String filename, byte[] bytes) {
      return part(name, filename, "application/octet-stream", bytes);
    }

    Form json(String name, String filename, String json) {
      return part(name, filename, filename == null ? null : "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(body.toByteArray());
      out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }

  /** A client bound to one emulator, holding a bearer token once {@link #login()} was called. */
  static final class Api {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    String token;

    Api(ActitoEmulator emu) {
      this.base = emu.baseUrl();
    }

    Api login() {
      HttpResponse<String> r = token(KEY);
      if (r.statusCode() != 200) {
        throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
      }
      token = json(r).get("accessToken").asText();
      return this;
    }

    HttpResponse<String> token(String key) {
      return send(HttpRequest.newBuilder(URI.create(base + "/auth/token")).header("Authorization", key)
          .header("Accept", "application/json").GET());
    }

    HttpResponse<String> get(String path) {
      return send(req(path).GET());
    }

    HttpResponse<String> delete(String path) {
      return send(req(path).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
      return send(req(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
      return send(req(path).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, Form form) {
      return send(req(path).header("Content-Type", "multipart/form-data; boundary=" + Form.BOUNDARY)
          .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    HttpRequest.Builder req(String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
          .header("Accept", "application/json");
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return b;
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
      try {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The value of entry {@code name} in a {@code [{"name","value"}]} list (a missing node when absent). */
  static JsonNode namedValue(JsonNode list, String name) {
    for (JsonNode pair : list) {
      if (name.equals(pair.path("name").asText())) {
        return pair.path("value");
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** {@code {"properties":[{"name":k,"value":v},…]}} from alternating names and JSON values. */
  static String props(Object... kv) {
    return body("properties", kv);
  }

  static String attrs(Object... kv) {
    return body("attributes", kv);
  }

  private static String body(String field, Object... kv) {
    var root = MAPPER.createObjectNode();
    var arr = root.putArray(field);
    for (int i = 0; i < kv.length; i += 2) {
      var p = arr.addObject().put("name", (String) kv[i]);
      p.set("value", MAPPER.valueToTree(kv[i + 1]));
    }
    return root.toString();
  }
}
