package org.actitosync.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.actitosync.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LabelCountsTest {
  @RegisterExtension final TestPipelineExtension beam = TestPipelineExtension.direct();

  @Test
  void tallyDrainsItsCountsOnceInFirstSeenOrder() {
    Tally tally = new Tally();
    tally.add("b");
    tally.add("a", 3);
    tally.add("b");
    assertEquals(List.of(KV.of("b", 2L), KV.of("a", 3L)), tally.drain());
    assertTrue(tally.drain().isEmpty());
  }

  @Test
  void everyLabelIsCountedOnceAcrossBundles() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      numbers.add(i);
    }
    PCollection<KV<String, Long>> partial =
        beam.pipeline()
            .apply(Create.of(numbers))
            .apply(
                LabelCounts.of(
                    (Integer n) ->
                        n % 10 == 0 ? List.of("all", "tens") : n % 7 == 0 ? List.of() : List.of("all")));
    PAssert.that(partial.apply(Sum.longsPerKey()))
        .containsInAnyOrder(KV.of("all", 200L - 28 + 2), KV.of("tens", 20L));
    beam.pipeline().run().waitUntilFinish();
  }
}
