package org.actitosync.actito;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.RouteSet;

/**
 * Starts the embedded emulator on the client tests' data file (default: today's prefixed routes)
 * and builds clients for it.
 */
final class EmulatorFixture {
  static final String KEY = "it-key-main-4f9c2a";
  static final String REVOCABLE_KEY = "it-key-revocable-81b7e0";
  static final String OTHER_ENTITY_KEY = "it-key-other-only-5d21c3";
  static final String ORDERS = "orders";
  static final String ORDERS_ID = "a4aa57cd-0000-0000-0000-000000000001";
  static final String CUSTOMERS = "customers";

  private EmulatorFixture() {}

  static String data() {
    try (InputStream in = EmulatorFixture.class.getResourceAsStream("/actito/emulator-data.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ActitoEmulator start() {
    return ActitoEmulator.builder().data(data()).start();
  }

  static ActitoEmulator start(Clock clock) {
    return ActitoEmulator.builder().data(data()).clock(clock).start();
  }

  /**
   * An emulator serving {@code routes}: {@code RouteSet.BOTH} for tests that run every {@link
   * PathStyle} (CLASSIC included) or the v4 imports against one emulator.
   */
  static ActitoEmulator start(RouteSet routes) {
    return ActitoEmulator.builder().data(data()).routes(routes).start();
  }

  static ActitoClientConfig.Builder config(ActitoEmulator emu, String key) {
    return ActitoClientConfig.builder().setBaseUrl(emu.baseUrl()).setEntity("demo")
        .setApiKey(ApiKey.of(key));
  }

  /** A client whose backoff sleeps are recorded, not slept. */
  static ActitoClient client(ActitoClientConfig config, RecordingSleeper sleeper) {
    return ActitoClient.builder(config).sleeper(sleeper).jitter(() -> 0.5).build();
  }
}
