package org.actitosync.runners.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DirectMainTest {
  @Test
  void addsTheDirectRunnerWhenNoneIsGiven() {
    assertArrayEquals(new String[] {"--config=a.yaml", "--runner=DirectRunner"},
        DirectMain.withDefaults(new String[] {"--config=a.yaml"}));
  }

  @Test
  void anExplicitRunnerWins() {
    assertArrayEquals(new String[] {"--runner=FlinkRunner", "--config=a.yaml"},
        DirectMain.withDefaults(new String[] {"--runner=FlinkRunner", "--config=a.yaml"}));
  }
}
