package org.actitosync.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The commit step of a run, inside the pipeline so every runner gets the same guarantee: after
 * {@link Wait#on} the snapshot files (and the counts), it writes the run's manifest with the counts
 * and moves {@code CURRENT} with {@link SnapshotStore#commit} (on {@code gs://} with a GCS client
 * built from the pipeline's {@code GcsOptions}), then applies retention.
 *
 * <p>Input: the run's counts ({@code name → value}); output: the committed run id. If another run
 * committed from the same base first, the step fails with {@link CommitConflictException} and the
 * pipeline fails; {@code CURRENT} is not touched. A retried bundle re-commits the same run, a no-op.
 * Retention runs only after a successful commit.
 */
public final class CommitSnapshot
    extends PTransform<PCollection<KV<String, Long>>, PCollection<String>> {
  private final SnapshotStore store;
  private final Manifest manifest;
  private final int keepRuns;
  private final PCollectionList<?> snapshotWritten;

  private CommitSnapshot(
      SnapshotStore store, Manifest manifest, int keepRuns, PCollectionList<?> snapshotWritten) {
    this.store = store;
    this.manifest = manifest;
    this.keepRuns = keepRuns;
    this.snapshotWritten = snapshotWritten;
  }

  /**
   * @param manifest this run's manifest; its counts are replaced by the input counts
   * @param keepRuns committed runs to keep (retention)
   * @param snapshotWritten the written snapshot files, of every part: the commit waits for all
   */
  public static CommitSnapshot of(
      SnapshotStore store, Manifest manifest, int keepRuns, PCollectionList<?> snapshotWritten) {
    if (keepRuns < 1) {
      throw new IllegalArgumentException("snapshot retention must keep at least 1 run");
    }
    return new CommitSnapshot(store, manifest, keepRuns, snapshotWritten);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, Long>> counts) {
    PCollectionView<Map<String, Long>> countsView = counts.apply("CountsView", View.asMap());
    return counts
        .getPipeline()
        .apply("RunToCommit", Create.of(manifest.runId()).withCoder(StringUtf8Coder.of()))
        .apply("WaitForSnapshotFiles", Wait.on(signals(counts)))
        .apply(
            "CommitRun",
            ParDo.of(new CommitFn(store, manifest, keepRuns, countsView))
                .withSideInputs(countsView))
        .setCoder(StringUtf8Coder.of());
  }

  private List<PCollection<?>> signals(PCollection<KV<String, Long>> counts) {
    List<PCollection<?>> signals = new ArrayList<>(snapshotWritten.getAll());
    signals.add(counts);
    return signals;
  }

  private static final class CommitFn extends DoFn<String, String> {
    private final SnapshotStore store;
    private final Manifest manifest;
    private final int keepRuns;
    private final PCollectionView<Map<String, Long>> countsView;

    CommitFn(
        SnapshotStore store,
        Manifest manifest,
        int keepRuns,
        PCollectionView<Map<String, Long>> countsView) {
      this.store = store;
      this.manifest = manifest;
      this.keepRuns = keepRuns;
      this.countsView = countsView;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      store.commit(
          manifest.withCounts(context.sideInput(countsView)), context.getPipelineOptions());
      store.retain(keepRuns);
      context.output(manifest.runId());
    }
  }
}
