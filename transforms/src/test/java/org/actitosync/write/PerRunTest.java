package org.actitosync.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PerRunTest {
  @Test
  void keepsOneStatePerRunAndForgetsTheLeastRecentlyUsedBeyondItsBound() {
    PerRun<Object> perRun = new PerRun<>();
    Object first = perRun.get("run-0", Object::new);
    assertSame(first, perRun.get("run-0", Object::new));
    for (int i = 1; i <= PerRun.MAX_RUNS; i++) {
      perRun.get("run-" + i, Object::new);
    }
    assertEquals(PerRun.MAX_RUNS, perRun.size());
    assertNotSame(first, perRun.get("run-0", Object::new), "the oldest run was forgotten");

    Object recent = perRun.get("run-5", Object::new);
    for (int i = 100; i < 100 + PerRun.MAX_RUNS - 1; i++) {
      perRun.get("run-" + i, Object::new);
    }
    assertSame(recent, perRun.get("run-5", Object::new), "a run in use is kept");
  }
}
