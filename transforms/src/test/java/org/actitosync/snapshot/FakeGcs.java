package org.actitosync.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * An in-memory fake of the GCS JSON API on loopback, for the calls {@link GcsCommitFiles} makes:
 * media upload ({@code POST /upload/storage/v1/b/<b>/o?uploadType=media&name=...}), object
 * metadata ({@code GET /storage/v1/b/<b>/o/<o>}) and media ({@code [/download]...?alt=media},
 * optionally at a {@code generation}). It ENFORCES {@code ifGenerationMatch} like GCS (0: must
 * not exist; 412 otherwise) atomically, keeps only the live generation of each object, and
 * answers 501 to any other call. {@link #beforeUpload} runs on the server thread before an upload
 * is applied (tests use it to hold racing writers at the same point).
 */
final class FakeGcs implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Blob(byte[] content, long generation) {}

  private final Map<String, Blob> objects = new HashMap<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private long nextGeneration = 1_700_000_000_000_000L;
  volatile Consumer<String> beforeUpload = name -> {};

  FakeGcs() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The value for {@code --gcsEndpoint}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/storage/v1/";
  }

  synchronized Optional<Blob> object(String bucket, String name) {
    return Optional.ofNullable(objects.get(bucket + "/" + name));
  }

  synchronized void put(String bucket, String name, byte[] content) {
    objects.put(bucket + "/" + name, new Blob(content, ++nextGeneration));
  }

  List<String> unexpectedCalls() {
    return unexpected;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      if (method.equals("POST") && path.matches("/upload/storage/v1/b/[^/]+/o")
          && "media".equals(query.get("uploadType")) && query.containsKey("name")) {
        String bucket = decode(path.split("/")[5]);
        upload(exchange, bucket, query);
      } else if (method.equals("GET") && path.matches("(/download)?/storage/v1/b/[^/]+/o/[^/]+")) {
        String[] parts = path.replaceFirst("^/download", "").split("/");
        get(exchange, decode(parts[4]), decode(parts[6]), query);
      } else {
        unexpected.add(method + " " + exchange.getRequestURI());
        respond(exchange, 501, "application/json", error(501, "not faked"));
      }
    }
  }

  private void upload(HttpExchange exchange, String bucket, Map<String, String> query)
      throws IOException {
    byte[] body = body(exchange);
    String name = query.get("name");
    beforeUpload.accept(name);
    String precondition = query.get("ifGenerationMatch");
    Long ifGenerationMatch = precondition == null ? null : Long.valueOf(precondition);
    Blob written;
    synchronized (this) {
      Blob existing = objects.get(bucket + "/" + name);
      long live = existing == null ? 0L : existing.generation();
      if (ifGenerationMatch != null && ifGenerationMatch != live) {
        written = null;
      } else {
        written = new Blob(body, ++nextGeneration);
        objects.put(bucket + "/" + name, written);
      }
    }
    if (written == null) {
      respond(exchange, 412, "application/json", error(412, "Precondition Failed"));
    } else {
      respond(exchange, 200, "application/json", metadata(bucket, name, written));
    }
  }

  private void get(HttpExchange exchange, String bucket, String name, Map<String, String> query)
      throws IOException {
    Optional<Blob> blob = object(bucket, name);
    if (query.containsKey("generation")) {
      long wanted = Long.parseLong(query.get("generation"));
      blob = blob.filter(b -> b.generation() == wanted);
    }
    if (blob.isEmpty()) {
      respond(exchange, 404, "application/json", error(404, "No such object: " + name));
    } else if ("media".equals(query.get("alt"))) {
      respond(exchange, 200, "application/octet-stream", blob.get().content());
    } else {
      respond(exchange, 200, "application/json", metadata(bucket, name, blob.get()));
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private static byte[] metadata(String bucket, String name, Blob blob) throws IOException {
    return JSON.writeValueAsBytes(
        Map.of(
            "kind", "storage#object",
            "bucket", bucket,
            "name", name,
            "generation", Long.toString(blob.generation()),
            "size", Integer.toString(blob.content().length)));
  }

  private static byte[] error(int code, String message) throws IOException {
    return JSON.writeValueAsBytes(
        Map.of("error", Map.of("code", code, "message", message, "errors", List.of())));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
