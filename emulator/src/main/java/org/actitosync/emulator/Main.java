package org.actitosync.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar actito-emulator.jar --port=8089 --data=FILE [--host=127.0.0.1]}.
 * Runs until the process is stopped (Ctrl-C / SIGTERM stops the server cleanly).
 */
public final class Main {
  /** Parsed command-line options. */
  public record Options(int port, Path data, String host) {
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
    System.out.println("Actito emulator listening on " + emulator.baseUrl() + " (data: " + options.data() + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "actito-emulator-shutdown"));
    stopped.await();
  }

  /** Starts an emulator from parsed options. */
  public static ActitoEmulator start(Options options) {
    ActitoEmulator.Builder b = ActitoEmulator.builder().port(options.port()).host(options.host());
    if (options.data() != null) {
      b.dataFile(options.data());
    }
    return b.start();
  }

  /** Parses {@code --port=N}, {@code --data=FILE}, {@code --host=H}; throws IllegalArgumentException when invalid. */
  public static Options parse(String... args) {
    int port = 8089;
    Path data = null;
    String host = "127.0.0.1";
    for (String arg : args) {
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
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data=FILE is required");
    }
    return new Options(port, data, host);
  }

  static String usage() {
    return "usage: java -jar actito-emulator.jar --port=8089 --data=FILE [--host=127.0.0.1]";
  }
}
