package org.apache.beam.runners.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.construction.PTransformTranslation;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.apache.flink.api.java.DataSet;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.java.io.DiscardingOutputFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates a Beam pipeline into a Flink batch job: this jar's replacement for the Beam runner's
 * class of the same name (Beam 2.62.0, Apache License 2.0), which the shaded jar leaves out. It is
 * Beam's class, same constructor and visitor, with one addition: a {@code GroupByKey} whose input
 * is a {@code Flatten}'s output (the shape of every {@code CoGroupByKey}) is translated by {@link
 * FlattenedGroupByKeyTranslator}, which keys each of the Flatten's inputs where it is produced,
 * rather than by Beam's, which first gathers them in a task of their own. Every other transform
 * gets Beam's own translator ({@link FlinkBatchTransformTranslators}).
 *
 * <p>Guarantee: the job computes what Beam's translation computes; only where the records of a
 * flattened group-by-key are keyed differs (see {@link FlattenedGroupByKeyTranslator}).
 */
@SuppressWarnings({"rawtypes", "nullness"})
class FlinkBatchPipelineTranslator extends FlinkPipelineTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(FlinkBatchPipelineTranslator.class);

  /** The necessary context in the case of a batch job. */
  private final FlinkBatchTranslationContext batchContext;

  /** Each Flatten's inputs, by its output, as the visit met them (inputs are visited first). */
  private final Map<PValue, List<PCollection<?>>> flattenInputs = new HashMap<>();

  private final FlattenedGroupByKeyTranslator<?, ?> flattenedGroupByKey =
      new FlattenedGroupByKeyTranslator<>(flattenInputs);

  private int depth = 0;

  public FlinkBatchPipelineTranslator(ExecutionEnvironment env, PipelineOptions options) {
    this.batchContext = new FlinkBatchTranslationContext(env, options);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void translate(Pipeline pipeline) {
    batchContext.init(pipeline);
    super.translate(pipeline);

    // terminate dangling DataSets
    for (DataSet<?> dataSet : batchContext.getDanglingDataSets().values()) {
      dataSet.output(new DiscardingOutputFormat());
    }
  }

  @Override
  public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
    LOG.info("{} enterCompositeTransform- {}", genSpaces(this.depth), node.getFullName());
    this.depth++;

    BatchTransformTranslator<?> translator = getTranslator(node, batchContext);

    if (translator != null) {
      applyBatchTransform(node.getTransform(), node, translator);
      LOG.info("{} translated- {}", genSpaces(this.depth), node.getFullName());
      return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
    } else {
      return CompositeBehavior.ENTER_TRANSFORM;
    }
  }

  @Override
  public void leaveCompositeTransform(TransformHierarchy.Node node) {
    this.depth--;
    LOG.info("{} leaveCompositeTransform- {}", genSpaces(this.depth), node.getFullName());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void visitPrimitiveTransform(TransformHierarchy.Node node) {
    LOG.info("{} visitPrimitiveTransform- {}", genSpaces(this.depth), node.getFullName());

    PTransform<?, ?> transform = node.getTransform();
    if (PTransformTranslation.FLATTEN_TRANSFORM_URN.equals(
        PTransformTranslation.urnForTransformOrNull(transform))) {
      List<PCollection<?>> inputs = new ArrayList<>(node.getInputs().values());
      node.getOutputs().values().forEach(output -> flattenInputs.put(output, inputs));
    }
    BatchTransformTranslator<?> translator =
        ((FlattenedGroupByKeyTranslator) flattenedGroupByKey).canTranslate(transform, batchContext)
            ? flattenedGroupByKey
            : FlinkBatchTransformTranslators.getTranslator(transform, batchContext);
    if (translator == null) {
      String transformUrn = PTransformTranslation.urnForTransform(transform);
      throw new UnsupportedOperationException(
          "The transform " + transformUrn + " is currently not supported.");
    }
    applyBatchTransform(transform, node, translator);
  }

  private <T extends PTransform<?, ?>> void applyBatchTransform(
      PTransform<?, ?> transform,
      TransformHierarchy.Node node,
      BatchTransformTranslator<?> translator) {

    @SuppressWarnings("unchecked")
    T typedTransform = (T) transform;

    @SuppressWarnings("unchecked")
    BatchTransformTranslator<T> typedTranslator = (BatchTransformTranslator<T>) translator;

    // create the applied PTransform on the batchContext
    batchContext.setCurrentTransform(node.toAppliedPTransform(getPipeline()));
    typedTranslator.translateNode(typedTransform, batchContext);
  }

  /** A translator of a {@link PTransform}. */
  public interface BatchTransformTranslator<TransformT extends PTransform> {

    default boolean canTranslate(TransformT transform, FlinkBatchTranslationContext context) {
      return true;
    }

    void translateNode(TransformT transform, FlinkBatchTranslationContext context);
  }

  /** Returns a translator for the given node, if it is possible, otherwise null. */
  private static BatchTransformTranslator<?> getTranslator(
      TransformHierarchy.Node node, FlinkBatchTranslationContext context) {
    @Nullable PTransform<?, ?> transform = node.getTransform();

    // Root of the graph is null
    if (transform == null) {
      return null;
    }

    return FlinkBatchTransformTranslators.getTranslator(transform, context);
  }
}
