package org.actitosync.emulator;

import static org.actitosync.emulator.TestSupport.ORDERS;
import static org.actitosync.emulator.TestSupport.props;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A JSON number is stored exactly as sent: never through a double (found by the fuzz test). */
class NumberPrecisionTest {
  @Test
  void aNumberWithMoreDigitsThanADoubleIsStoredExactly() {
    try (ActitoEmulator emu = ActitoEmulator.builder().data(TestSupport.data()).start()) {
      TestSupport.Api api = new TestSupport.Api(emu).login();
      String exact = "123456789012345678901234567890.123456789";
      String body = props("orderId", "p-1", "status", "NEW").replace("]}",
          ",{\"name\":\"amount\",\"value\":" + exact + "}]}"); // the literal JSON number
      assertEquals(200, api.post(ORDERS, body).statusCode());
      Object stored = emu.admin().records("demo", "orders").stream()
          .filter(r -> "p-1".equals(r.get("orderId"))).findFirst().orElseThrow().get("amount");
      assertEquals(new BigDecimal(exact), stored);
    }
  }
}
