package org.actitosync.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar actito-emulator.jar --port=8089 --data=FILE [--host=127.0.0.1]
 * [--routes=prefixed|both|legacy] [--legacy-routes]} (see {@link #usage()}). Runs until the process
 * is stopped (Ctrl-C / SIGTERM stops the server cleanly).
 */
public final class Main {
  /** Parsed command-line options. */
  public record Options(int port, Path data, String host, RouteSet routes) {
  }

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    ActitoEmulator emulator = start(options);
    System.out.println("Actito emulator listening on " + emulator.baseUrl() + " (data: " + options.data()
        + ", routes: " + options.routes().name().toLowerCase(java.util.Locale.ROOT) + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "actito-emulator-shutdown"));
    stopped.await();
  }

  /** Starts an emulator from parsed options. */
  public static ActitoEmulator start(Options options) {
    ActitoEmulator.Builder b = ActitoEmulator.builder().port(options.port()).host(options.host())
        .routes(options.routes());
    if (options.data() != null) {
      b.dataFile(options.data());
    }
    return b.start();
  }

  /**
   * Parses {@code --port=N}, {@code --data=FILE}, {@code --host=H}, {@code --routes=SET}, {@code
   * --legacy-routes}; throws IllegalArgumentException when invalid.
   */
  public static Options parse(String... args) {
    int port = 8089;
    Path data = null;
    String host = "127.0.0.1";
    RouteSet routes = null;
    for (String arg : args) {
      if (arg.equals("--legacy-routes")) {
        routes = chooseRoutes(routes, RouteSet.BOTH, arg);
        continue;
      }
      String[] kv = arg.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
      switch (kv[0]) {
        case "--port" -> {
          try {
            port = Integer.parseInt(kv[1]);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + kv[1]);
          }
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port out of range: " + port);
          }
        }
        case "--data" -> {
          data = Path.of(kv[1]);
          if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException("--data file not found: " + data);
          }
        }
        case "--host" -> host = kv[1];
        case "--routes" -> routes = chooseRoutes(routes, routeSet(kv[1]), arg);
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data=FILE is required");
    }
    return new Options(port, data, host, routes == null ? RouteSet.PREFIXED : routes);
  }

  private static RouteSet routeSet(String value) {
    for (RouteSet set : RouteSet.values()) {
      if (set.name().equalsIgnoreCase(value)) {
        return set;
      }
    }
    throw new IllegalArgumentException("--routes must be prefixed, both or legacy: " + value);
  }

  private static RouteSet chooseRoutes(RouteSet already, RouteSet chosen, String arg) {
    if (already != null && already != chosen) {
      throw new IllegalArgumentException(arg + " contradicts the route set already chosen ("
          + already.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return chosen;
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "usage: java -jar actito-emulator.jar --port=8089 --data=FILE [--host=127.0.0.1]"
            + " [--routes=prefixed|both|legacy] [--legacy-routes]",
        "  --port=N          port to bind (0 = a free port); default 8089",
        "  --data=FILE       the data file (entities, keys, tables, rows); required",
        "  --host=H          interface to bind; default 127.0.0.1",
        "  --routes=SET      which route spellings are served (default prefixed):",
        "                      prefixed  today's Actito: family-prefixed routes only (/custom-data/...,",
        "                                /profiles/..., /custom-table-structure/..., /mass-imports/v5/...);",
        "                                un-prefixed routes and the v4 imports answer 404",
        "                      both      prefixed and classic (/v4/entity/..., /v5/entities/...) routes,",
        "                                plus the v4 imports",
        "                      legacy    an environment from before June 2025: classic routes and v4",
        "                                imports only; prefixed routes answer 404",
        "  --legacy-routes   same as --routes=both (for CLASSIC clients)",
        "  /auth/token and /_emulator/* are served in every set.");
  }
}
