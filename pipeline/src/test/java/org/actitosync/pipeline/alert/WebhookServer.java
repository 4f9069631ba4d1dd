package org.actitosync.pipeline.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server receiving webhook posts on {@code /hooks/T0K3N-SECRET}; answers each post with
 * the next status of a script (the last one repeats).
 */
public final class WebhookServer implements AutoCloseable {
  public static final String PATH = "/hooks/T0K3N-SECRET";

  private final HttpServer server;
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger();
  private volatile int[] statuses;

  public WebhookServer(int... statuses) throws IOException {
    this.statuses = statuses.length == 0 ? new int[] {200} : statuses;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int[] script = this.statuses;
      int status = script[Math.min(next.getAndIncrement(), script.length - 1)];
      if (exchange.getRequestURI().getPath().equals(PATH) && "POST".equals(exchange.getRequestMethod())) {
        bodies.add(new String(body, StandardCharsets.UTF_8));
      } else {
        status = 404;
      }
      byte[] answer = (status == 200 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Every body posted, attempts included. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
