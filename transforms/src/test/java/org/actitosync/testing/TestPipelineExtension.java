package org.actitosync.testing;

import java.lang.reflect.Method;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs Beam's {@link TestPipeline} (a JUnit 4 rule) inside JUnit Jupiter tests, the one way this
 * project writes pipeline tests: register it with {@code @RegisterExtension}, build the graph on
 * {@link #pipeline()} and call {@code pipeline().run()}. The rule's checks stay on: a test that
 * builds transforms but never runs the pipeline, or whose PAssert never ran, fails.
 */
public final class TestPipelineExtension implements BeforeEachCallback, InvocationInterceptor {
  private final String[] args;
  private TestPipeline pipeline;

  private TestPipelineExtension(String... args) {
    this.args = args;
  }

  /** The DirectRunner (small data only). */
  public static TestPipelineExtension direct() {
    return new TestPipelineExtension("--runner=DirectRunner", "--targetParallelism=2");
  }

  /** The Flink runner on its embedded cluster. */
  public static TestPipelineExtension flinkLocal() {
    return new TestPipelineExtension(
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }

  public TestPipeline pipeline() {
    return pipeline;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args).create();
    options.setStableUniqueNames(PipelineOptions.CheckEnabled.ERROR);
    pipeline = TestPipeline.fromOptions(options);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Statement body =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            invocation.proceed();
          }
        };
    Description description =
        Description.createTestDescription(
            extensionContext.getRequiredTestClass(), extensionContext.getDisplayName());
    pipeline.apply(body, description).evaluate();
  }
}
