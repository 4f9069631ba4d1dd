import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.coders.WriteOutcomeCoder;
import org.actitosync.guard.GuardPolicy;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.config.LoadedConfig;
import org.actitosync.pipeline.launch.ActivationJob;
import org.actitosync.pipeline.launch.RunContext;
import org.actitosync.pipeline.source.SourceSchemas;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.RunIds;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.sync.SyncRun;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Benchmark only: the first full sync of an activation with the Actito writer replaced by one that
 * acknowledges every change (APPLIED) without a call. Everything else is the real graph on the real
 * runner: the configured source, mapping, classification, next snapshot, snapshot write and commit.
 * It seeds the snapshot of sizes whose full sync cannot go through the writer here (10,000,000 rows
 * need more bulk imports than a run may create, and the emulator keeps every record in memory), and
 * it times a full sync without its writes.
 *
 * <pre>
 *   javac -cp actito-sync-flink.jar -d DIR Seed.java
 *   java -cp actito-sync-flink.jar:DIR Seed --config=FILE --runner=FlinkRunner --flinkMaster=[local] --parallelism=2
 * </pre>
 */
public class Seed {
  public static void main(String[] args) throws Exception {
    LoadedConfig loaded = ConfigLoader.load(args);
    ActivationConfig config = loaded.config();
    AttributeLayout layout = config.attributeLayout(SourceSchemas.infer(config.source()));
    SnapshotStore store = config.snapshotStore();
    Optional<Manifest> base = store.currentManifest();
    String runId = RunIds.newRunId(Instant.now());
    RunContext run = RunContext.of(config, layout, base.orElse(null), runId, false, false,
        GuardPolicy.defaults(), List.of());
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(loaded.pipelineArgsArray()).create());
    PCollection<MappedRecord> rows =
        pipeline.apply("ReadSource", ActivationJob.source(config, layout)).setCoder(org.actitosync.coders.LayoutRecordCoder.of(layout));
    rows.apply("SyncRun", SyncRun.of(run.spec(), new AckAll()));
    long t0 = System.currentTimeMillis();
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    long millis = System.currentTimeMillis() - t0;
    System.out.println("{\"runId\":\"" + runId + "\",\"state\":\"" + state + "\",\"pipelineMillis\":" + millis + "}");
    System.exit(state == PipelineResult.State.DONE ? 0 : 1);
  }

  /** The writer replaced: every change is APPLIED, no call is made. */
  static final class AckAll extends PTransform<PCollection<Classification>, PCollection<WriteOutcome>> {
    @Override
    public PCollection<WriteOutcome> expand(PCollection<Classification> changes) {
      return changes.apply("AckAll", ParDo.of(new DoFn<Classification, WriteOutcome>() {
        @ProcessElement
        public void process(@Element Classification c, OutputReceiver<WriteOutcome> out) {
          out.output(WriteOutcome.applied(c));
        }
      })).setCoder(WriteOutcomeCoder.of());
    }
  }
}
