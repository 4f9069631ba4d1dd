package org.actitosync.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.actitosync.pipeline.report.RunMetrics;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private static final String NS = "actito-sync";

  @Test
  void lineSumsTheRunsOwnMetricsOverSteps() {
    Snapshot metrics = new Snapshot()
        .rows("ReadSource/ParDo(Read)", 1_200).rows("ReadSource/ParDo(Read)2", 44)
        .counter("Classify/ClassifyKeys", "classified_INSERT", 3)
        .counter("Classify/ClassifyKeys", "classified_UPDATE", 2)
        .counter("Classify/ClassifyKeys2", "classified_DELETE", 1)
        .counter("Classify/ClassifyKeys", "classified_UNCHANGED", 100)
        .counter("Classify/ClassifyKeys", "classified_REJECTED", 5)
        .counter("WriteRecords", "outcome.INSERT.APPLIED", 2)
        .counter("WriteRecords", "outcome.UPDATE.FAILED", 1)
        .counter("WriteRecords", "calls.CREATE_RECORD.200", 9)
        .counterIn("elsewhere", "WriteRecords", "outcome.INSERT.APPLIED", 50);

    assertEquals("progress: 1,244 rows read, 3 of 6 changes written, ETA 3s at 60 calls/min",
        ProgressPrinter.line(RunMetrics.from(metrics.result()), 60));
  }

  @Test
  void lineOfARunThatHasReadNothingYet() {
    assertEquals("progress: 0 rows read, 0 of 0 changes written, ETA 0s at 90 calls/min",
        ProgressPrinter.line(RunMetrics.from(new Snapshot().result()), 90));
  }

  @Test
  void printsALinePerIntervalFromTheMetricsOfThatMoment() {
    FakeResult result = new FakeResult();
    result.next(null, new Snapshot().rows("Read", 10));
    result.next(PipelineResult.State.RUNNING, new Snapshot().rows("Read", 25)
        .counter("Classify", "classified_INSERT", 4).counter("Write", "outcome.INSERT.APPLIED", 1));
    result.next(PipelineResult.State.DONE, new Snapshot().rows("Read", 999));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    PipelineResult.State state =
        ProgressPrinter.waitUntilFinish(result, new PrintStream(out, true, StandardCharsets.UTF_8), 30, 60);

    assertEquals(PipelineResult.State.DONE, state);
    assertEquals(List.of(Duration.standardSeconds(30), Duration.standardSeconds(30), Duration.standardSeconds(30)),
        result.waits);
    assertEquals("progress: 10 rows read, 0 of 0 changes written, ETA 0s at 60 calls/min\n"
        + "progress: 25 rows read, 1 of 4 changes written, ETA 3s at 60 calls/min\n",
        out.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void unreadableMetricsPrintNoLineAndTheWaitGoesOn() {
    FakeResult result = new FakeResult();
    result.next(PipelineResult.State.RUNNING, null);
    result.next(PipelineResult.State.FAILED, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertEquals(PipelineResult.State.FAILED,
        ProgressPrinter.waitUntilFinish(result, new PrintStream(out, true, StandardCharsets.UTF_8), 1, 60));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void noIntervalWaitsWithoutPrintingAndFailuresPropagate() {
    FakeResult done = new FakeResult();
    done.next(PipelineResult.State.DONE, new Snapshot().rows("Read", 3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(PipelineResult.State.DONE, ProgressPrinter.waitUntilFinish(done, print, 0, 60));
    assertEquals(List.of(Duration.ZERO), done.waits, "waited once, without a deadline");

    FakeResult failing = new FakeResult();
    failing.next(null, new Snapshot());
    failing.failure = new IllegalStateException("boom");
    assertThrows(IllegalStateException.class, () -> ProgressPrinter.waitUntilFinish(failing, print, 5, 60));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  /** Attempted-only metric results, as a detached or remote runner gives them. */
  private static final class Snapshot {
    private final List<MetricResult<Long>> counters = new ArrayList<>();
    private final List<MetricResult<DistributionResult>> distributions = new ArrayList<>();

    Snapshot rows(String step, long count) {
      distributions.add(MetricResult.attempted(MetricKey.create(step, MetricName.named(NS, "stage.read.at")),
          DistributionResult.create(count * 1000, count, 1, 1000)));
      return this;
    }

    Snapshot counter(String step, String name, long value) {
      return counterIn(NS, step, name, value);
    }

    Snapshot counterIn(String namespace, String step, String name, long value) {
      counters.add(MetricResult.attempted(MetricKey.create(step, MetricName.named(namespace, name)), value));
      return this;
    }

    /** A run whose metrics are these. */
    PipelineResult result() {
      FakeResult result = new FakeResult();
      result.initial = this;
      return result;
    }

    MetricResults metrics() {
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          return MetricQueryResults.create(counters, distributions, List.of(), List.of());
        }
      };
    }
  }

  /** A run that answers each wait with the next state (null: not finished), its metrics then being that step's. */
  private static final class FakeResult implements PipelineResult {
    private final List<State> states = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private Snapshot initial;
    private int at = -1;
    private RuntimeException failure;
    final List<Duration> waits = new ArrayList<>();

    /** The next wait returns {@code state}; metrics are then {@code metrics} (null: unreadable). */
    void next(State state, Snapshot metrics) {
      states.add(state);
      snapshots.add(metrics);
    }

    @Override
    public State getState() {
      throw new UnsupportedOperationException();
    }

    @Override
    public State cancel() {
      throw new UnsupportedOperationException();
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      waits.add(duration);
      if (failure != null) {
        throw failure;
      }
      at++;
      return states.get(at);
    }

    @Override
    public State waitUntilFinish() {
      return waitUntilFinish(Duration.ZERO);
    }

    @Override
    public MetricResults metrics() {
      Snapshot current = at < 0 ? initial : snapshots.get(at);
      if (current == null) {
        throw new IllegalStateException("metrics not readable now");
      }
      return current.metrics();
    }
  }
}
