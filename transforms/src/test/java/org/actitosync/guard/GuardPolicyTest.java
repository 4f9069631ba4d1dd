package org.actitosync.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardPolicyTest {
  static final GuardPolicy DEFAULTS = GuardPolicy.defaults();

  @Test
  void mirrorDeletesAboveTheCountOrTheShareAreRefusedUnlessConfirmedExactly() {
    assertEquals(List.of(), DEFAULTS.refusals(GuardPolicy.Plan.of(1000, 950, 100, 0, false)));
    List<String> share = DEFAULTS.refusals(GuardPolicy.Plan.of(1000, 890, 110, 0, false));
    assertEquals(1, share.size());
    assertTrue(share.get(0).contains("delete 110 records (11.0% of the 1000"), share.get(0));
    assertTrue(share.get(0).contains("--confirmDeletes=110"), share.get(0));
    List<String> count = DEFAULTS.refusals(GuardPolicy.Plan.of(100_000, 98_000, 2_000, 0, false));
    assertEquals(1, count.size(), count.toString());
    GuardPolicy confirmed = GuardPolicy.of(1000, 0.1, 0.5, 0.5, 110L, null, null);
    assertEquals(List.of(), confirmed.refusals(GuardPolicy.Plan.of(1000, 890, 110, 0, false)));
    GuardPolicy wrongNumber = GuardPolicy.of(1000, 0.1, 0.5, 0.5, 100L, null, null);
    assertEquals(1, wrongNumber.refusals(GuardPolicy.Plan.of(1000, 890, 110, 0, false)).size());
  }

  @Test
  void anEmptyOrShrunkenSourceIsRefusedInAnyMode() {
    List<String> empty = DEFAULTS.refusals(GuardPolicy.Plan.of(500, 0, 0, 0, false));
    assertEquals(1, empty.size());
    assertTrue(empty.get(0).contains("0 rows for 500 keys in the snapshot (empty"), empty.get(0));
    assertEquals(1, DEFAULTS.refusals(GuardPolicy.Plan.of(500, 240, 0, 0, false)).size());
    assertEquals(List.of(), DEFAULTS.refusals(GuardPolicy.Plan.of(500, 260, 0, 0, false)));
    assertEquals(List.of(), GuardPolicy.of(1000, 0.1, 0.5, 0.5, null, 0L, null)
        .refusals(GuardPolicy.Plan.of(500, 0, 0, 0, false)));
    assertEquals(List.of(), DEFAULTS.refusals(GuardPolicy.Plan.of(0, 0, 0, 0, false)), "a first run has no snapshot");
  }

  @Test
  void aMappingChangeUpdatingTooManyRowsIsRefused() {
    assertEquals(1, DEFAULTS.refusals(GuardPolicy.Plan.of(100, 100, 0, 80, true)).size());
    assertEquals(List.of(), DEFAULTS.refusals(GuardPolicy.Plan.of(100, 100, 0, 80, false)));
    assertEquals(List.of(), GuardPolicy.of(1000, 0.1, 0.5, 0.5, null, null, 80L)
        .refusals(GuardPolicy.Plan.of(100, 100, 0, 80, true)));
  }
}
