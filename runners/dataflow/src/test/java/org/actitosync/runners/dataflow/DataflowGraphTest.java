package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.launch.ActivationJob;
import org.actitosync.pipeline.launch.RunContext;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry validation, without Google Cloud: the DataflowRunner accepts the options and the real
 * activation graph (MIRROR, gs:// snapshots) constructs under them and translates to a Beam
 * portable pipeline (every DoFn and coder serialized). Nothing is staged or submitted: GCS path
 * checks use {@code NoopPathValidator} and credentials {@code NoopCredentialFactory}.
 */
class DataflowGraphTest {
  @TempDir Path temp;

  @Test
  void theActivationGraphConstructsUnderDataflowRunnerOptions() throws Exception {
    DataflowPipelineOptions options = PipelineOptionsFactory.fromArgs(
            "--runner=DataflowRunner", "--project=my-project", "--region=europe-west1",
            // Given explicitly: their default factories would probe the bucket over the network.
            "--tempLocation=gs://bkt/t", "--gcpTempLocation=gs://bkt/t", "--stagingLocation=gs://bkt/staging",
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory")
        .withValidation()
        .as(DataflowPipelineOptions.class);
    PipelineRunner<?> runner = PipelineRunner.fromOptions(options); // also registers gs://
    assertTrue(runner instanceof DataflowRunner);

    ActivationConfig config = ConfigLoader.load(new String[] {
        "--name=orders", "--mode=MIRROR",
        "--source.files.glob=" + temp.resolve("segment-*.csv"), "--source.files.format=csv",
        "--key=order_id", "--mapping=order_id=orderId:STRING", "--mapping=amount=amount:NUMBER",
        "--target.environment=PREPROD", "--target.entity=demo", "--target.table=orders",
        "--target.apiKeyFile=" + temp.resolve("api.key"), "--snapshot.root=gs://bkt/snapshots"}).config();
    RunContext run = RunContext.of(config, config.attributeLayout(Map.of()), null, "r1", false, false,
        org.actitosync.guard.GuardPolicy.defaults(), List.of());
    Pipeline pipeline = Pipeline.create(options);

    ActivationJob.build(pipeline, run);
    RunnerApi.Pipeline proto = PipelineTranslation.toProto(pipeline);

    assertEquals("DataflowRunner", options.getRunner().getSimpleName());
    assertTrue(proto.getComponents().getTransformsMap().values().stream()
        .anyMatch(t -> t.getUniqueName().equals("ReadSource")), "the source step is in the graph");
  }
}
