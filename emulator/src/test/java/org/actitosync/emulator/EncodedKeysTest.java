package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.json;
import static org.actitosync.emulator.TestSupport.props;
import static org.actitosync.emulator.TestSupport.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncodedKeysTest {
  static ActitoEmulator emu;
  static TestSupport.Api api;

  @BeforeAll
  static void start() {
    emu = ActitoEmulator.builder().data(TestSupport.data()).start();
    api = new TestSupport.Api(emu).login();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @Test
  void keysWithSpaceSlashEqualsPlusAndNonAsciiRoundTrip() {
    for (String key : List.of("with space", "a/b/c", "k=v", "café é", "x+y", "%41", "a%2Fb")) {
      HttpResponse<String> created = api.post(ORDERS, props("orderId", key, "status", "NEW"));
      assertEquals(200, created.statusCode(), created.body());
      assertEquals(key, json(created).get("businessKey").asText());

      HttpResponse<String> put = api.put(ORDERS + "/" + seg(key), props("note", "n-" + key));
      assertEquals(200, put.statusCode(), key + ": " + put.body());

      HttpResponse<String> got = api.get(ORDERS + "/" + seg(key));
      assertEquals(200, got.statusCode(), key + ": " + got.body());
      assertEquals(key, value(got, "orderId"));
      assertEquals("n-" + key, value(got, "note"));

      assertEquals(200, api.delete(ORDERS + "/" + seg(key)).statusCode(), key);
      assertEquals(404, api.get(ORDERS + "/" + seg(key)).statusCode(), key);
    }
  }

  static String value(HttpResponse<String> r, String name) {
    for (var p : json(r).get("properties")) {
      if (p.get("name").asText().equals(name)) {
        return p.get("value").asText();
      }
    }
    return null;
  }
}
