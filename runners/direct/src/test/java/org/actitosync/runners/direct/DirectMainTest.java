package org.actitosync.runners.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DirectMainTest {
  @Test
  void addsTheDirectRunnerNotBlockingInRunWhenNoneIsGiven() {
    assertArrayEquals(new String[] {"--config=a.yaml", "--runner=DirectRunner", "--blockOnRun=false"},
        DirectMain.withDefaults(new String[] {"--config=a.yaml"}));
  }

  @Test
  void anExplicitRunnerWins() {
    assertArrayEquals(new String[] {"--runner=FlinkRunner", "--config=a.yaml"},
        DirectMain.withDefaults(new String[] {"--runner=FlinkRunner", "--config=a.yaml"}));
  }

  @Test
  void anExplicitDirectRunnerDoesNotBlockInRunUnlessToldTo() {
    assertArrayEquals(new String[] {"--runner=DirectRunner", "--blockOnRun=false"},
        DirectMain.withDefaults(new String[] {"--runner=DirectRunner"}));
    assertArrayEquals(new String[] {"--blockOnRun=true", "--runner=DirectRunner"},
        DirectMain.withDefaults(new String[] {"--blockOnRun=true"}));
  }
}
