package org.actitosync.actito;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scripted HTTP server (JDK {@code com.sun.net.httpserver}) for the few behaviours the
 * emulator does not script: HTTP-date {@code Retry-After}, dropped connections, slow responses,
 * and exact control of each reply. {@code /auth/token} mints {@code tok-N} unless scripted.
 */
final class ScriptedServer implements AutoCloseable {
  static final class Reply {
    final int status;
    final Map<String, String> headers;
    final String body;
    final boolean drop;
    final long delayMillis;

    private Reply(int status, Map<String, String> headers, String body, boolean drop, long delayMillis) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.drop = drop;
      this.delayMillis = delayMillis;
    }

    static Reply of(int status, String body) {
      return new Reply(status, Map.of(), body, false, 0);
    }

    static Reply of(int status, String body, Map<String, String> headers) {
      return new Reply(status, headers, body, false, 0);
    }

    static Reply drop() {
      return new Reply(0, Map.of(), "", true, 0);
    }

    static Reply slow(long delayMillis) {
      return new Reply(200, Map.of(), "{}", false, delayMillis);
    }
  }

  static final class Seen {
    final String method;
    final String rawPath;
    final String authorization;
    final String body;

    Seen(String method, String rawPath, String authorization, String body) {
      this.method = method;
      this.rawPath = rawPath;
      this.authorization = authorization;
      this.body = body;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final Deque<Reply> tokenScript = new ArrayDeque<>();
  private final List<Seen> seen = new ArrayList<>();
  private final AtomicInteger minted = new AtomicInteger();
  private final AtomicInteger tokenCalls = new AtomicInteger();

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized ScriptedServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  synchronized ScriptedServer thenToken(Reply... replies) {
    tokenScript.addAll(List.of(replies));
    return this;
  }

  synchronized List<Seen> seen() {
    return new ArrayList<>(seen);
  }

  int tokenCalls() {
    return tokenCalls.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String rawPath = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    Reply reply;
    boolean token = ex.getRequestURI().getPath().equals("/auth/token");
    synchronized (this) {
      seen.add(new Seen(ex.getRequestMethod(), rawPath,
          ex.getRequestHeaders().getFirst("Authorization"), body));
      reply = token ? tokenScript.poll() : script.poll();
    }
    if (token) {
      tokenCalls.incrementAndGet();
      if (reply == null) {
        reply = Reply.of(200, "{\"accessToken\":\"tok-" + minted.incrementAndGet()
            + "\",\"tokenType\":\"bearer\",\"expiresIn\":\"900s\",\"scope\":\"read write\"}");
      }
    } else if (reply == null) {
      reply = Reply.of(200, "{}");
    }
    if (reply.drop) {
      ex.close(); // no status line: the client sees the connection end
      return;
    }
    if (reply.delayMillis > 0) {
      try {
        Thread.sleep(reply.delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
    reply.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
