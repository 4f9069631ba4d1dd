package org.actitosync.pipeline.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WarningRulesTest {

  private static WarningSettings settings(Object... checkAndThreshold) {
    Map<Check, Threshold> map = new EnumMap<>(Check.class);
    for (int i = 0; i < checkAndThreshold.length; i += 2) {
      map.put((Check) checkAndThreshold[i], (Threshold) checkAndThreshold[i + 1]);
    }
    return WarningSettings.of(map, 5);
  }

  private static List<String> lines(WarningSettings settings, RunFacts facts) {
    return WarningRules.evaluate(settings, facts).stream().map(RunWarning::line).collect(Collectors.toList());
  }

  @Test
  void aQuietRunHasNoWarningWithTheDefaults() {
    RunFacts facts = RunFacts.builder().setRowsRead(1000).setAverageRows(OptionalDouble.of(1100)).setAverageRuns(5)
        .setDeletes(400).setDurationMillis(3_600_000).failStreaks(Map.of(1, 7L, 2, 1L)).build();
    assertEquals(List.of(), lines(WarningSettings.defaults(), facts));
    assertEquals(Level.NONE, WarningRules.level(WarningRules.evaluate(WarningSettings.defaults(), facts)));
  }

  @Test
  void eachLevelFiresWhenItsThresholdIsReached() {
    WarningSettings settings = settings(Check.REJECTED_ROWS, Threshold.of(1.0, 10.0));
    assertEquals(List.of(), lines(settings, RunFacts.builder().setRejected(0).build()));
    assertEquals(List.of("WARNING rejectedRows: 9 rows rejected (warning at 1)"),
        lines(settings, RunFacts.builder().setRejected(9).build()));
    assertEquals(List.of("CRITICAL rejectedRows: 10 rows rejected (critical at 10)"),
        lines(settings, RunFacts.builder().setRejected(10).build()));
  }

  @Test
  void everyCheckMeasuresItsOwnNumber() {
    WarningSettings settings = settings(
        Check.REJECTED_ROWS, Threshold.off(),
        Check.REJECTED_SHARE, Threshold.of(0.01, 0.05),
        Check.FAILED_ROWS, Threshold.of(1.0, 100.0),
        Check.DUPLICATE_KEYS, Threshold.of(1.0, null),
        Check.DELETES, Threshold.of(10.0, 50.0),
        Check.DURATION_MINUTES, Threshold.of(30.0, 120.0),
        Check.ROWS_CHANGE, Threshold.of(0.2, 0.5),
        Check.FAILING_KEY_RUNS, Threshold.of(3.0, 10.0));
    RunFacts facts = RunFacts.builder()
        .setRowsRead(800).setRejected(40).setFailed(2).setDuplicateKeys(3).setDeletes(60)
        .setDurationMillis(45 * 60_000).setAverageRows(OptionalDouble.of(1000)).setAverageRuns(4)
        .failStreaks(Map.of(1, 5L, 3, 2L, 4, 1L)).build();
    List<RunWarning> warnings = WarningRules.evaluate(settings, facts);
    assertEquals(
        List.of(
            "CRITICAL rejectedShare: 5.0 % of the 800 rows read were rejected (critical at 5.0 %)",
            "WARNING failedRows: 2 changes failed after retries; the next run sends them again (warning at 1)",
            "WARNING duplicateKeys: 3 keys are shared by several source rows; none of their rows was sent"
                + " (warning at 1)",
            "CRITICAL deletes: 60 records deleted (MIRROR) (critical at 50)",
            "WARNING durationMinutes: the run took 45.0 minutes (warning at 30)",
            "WARNING rowsChange: 800 rows read, 20.0 % away from the average of 1000 over the last 4 runs"
                + " (warning at 20.0 %)",
            "WARNING failingKeyRuns: 3 keys failed in 3 or more consecutive runs (longest streak 4)"
                + " (warning at 3)"),
        warnings.stream().map(RunWarning::line).collect(Collectors.toList()));
    assertEquals(Level.CRITICAL, WarningRules.level(warnings));
    assertEquals(0.05, warnings.get(0).value(), 1e-9);
    assertEquals(0.05, warnings.get(0).threshold(), 1e-9);
  }

  @Test
  void checksWithoutDataStaySilent() {
    WarningSettings settings = settings(
        Check.REJECTED_SHARE, Threshold.of(0.0, null), Check.ROWS_CHANGE, Threshold.of(0.0, null),
        Check.FAILING_KEY_RUNS, Threshold.of(1.0, null), Check.REJECTED_ROWS, Threshold.off(),
        Check.FAILED_ROWS, Threshold.off(), Check.DUPLICATE_KEYS, Threshold.off(), Check.DELETES, Threshold.off(),
        Check.DURATION_MINUTES, Threshold.off());
    // no rows read, no history, no failing key (a dry run or a first run)
    assertEquals(List.of(), lines(settings, RunFacts.builder().build()));
  }
}
