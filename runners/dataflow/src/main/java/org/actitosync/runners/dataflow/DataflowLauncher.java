package org.actitosync.runners.dataflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.actitosync.pipeline.config.ConfigLoader;
import org.actitosync.pipeline.launch.ExitCode;
import org.actitosync.pipeline.launch.Launcher;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * What the Dataflow main adds in front of the pipeline's {@link Launcher}: {@code
 * --runner=DataflowRunner} unless a runner is given, Beam's filesystems set up from the arguments
 * (so {@code --config=gs://…} and a {@code gs://} snapshot root are readable by the launcher), and
 * Secret Manager references turned into secret files ({@link SecretFiles}).
 */
public final class DataflowLauncher {
  private final PrintStream out;
  private final PrintStream err;
  private final SecretSource secrets;
  private final Function<String[], Integer> launcher;

  public DataflowLauncher(PrintStream out, PrintStream err, SecretSource secrets) {
    this(out, err, secrets, args -> new Launcher(out, err).run(args));
  }

  DataflowLauncher(
      PrintStream out, PrintStream err, SecretSource secrets, Function<String[], Integer> launcher) {
    this.out = out;
    this.err = err;
    this.secrets = secrets;
    this.launcher = launcher;
  }

  public int run(String[] args) {
    if (ConfigLoader.helpText(args).isPresent()) {
      int code = launcher.apply(args);
      return code == ExitCode.OK.code() ? printDataflowHelp() : code;
    }
    List<String> list = DataflowArgs.withDefaultRunner(Arrays.asList(args));
    PipelineOptions beam;
    try {
      beam = PipelineOptionsFactory.fromArgs(DataflowArgs.beamArgs(list).toArray(String[]::new)).create();
    } catch (IllegalArgumentException e) {
      return fail(ExitCode.CONFIG_ERROR, "command line: " + e.getMessage());
    }
    FileSystems.setDefaultPipelineOptions(beam);
    try {
      list = new SecretFiles(Paths.get(beam.as(SecretManagerOptions.class).getSecretDirectory()), secrets)
          .resolve(list);
    } catch (IllegalArgumentException e) {
      return fail(ExitCode.CONFIG_ERROR, e.getMessage());
    } catch (IOException e) {
      return fail(ExitCode.AUTH_ERROR, "secret: " + e.getMessage());
    }
    return launcher.apply(list.toArray(String[]::new));
  }

  /** The Dataflow part of {@code --help}; building the options also checks the runner and gs://. */
  private int printDataflowHelp() {
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs("--runner=" + DataflowArgs.DEFAULT_RUNNER).create();
    FileSystems.setDefaultPipelineOptions(options);
    String gcs = FileSystems.matchNewResource("gs://bucket/actito-sync", true).getScheme();
    out.println();
    out.println("Dataflow (" + options.getRunner().getSimpleName() + " unless --runner is given; "
        + gcs + ":// paths for --config and snapshot.root):");
    for (SecretFiles.Kind kind : SecretFiles.Kind.values()) {
      out.println("  --" + kind.option() + "=projects/PROJECT/secrets/SECRET/versions/VERSION");
      out.println("      Secret Manager version read on the launcher and on each worker, written to a 0600"
          + " file passed as --" + kind.fileSetting() + ".");
    }
    out.println("  plus Dataflow's options: --project, --region, --tempLocation=gs://…, --serviceAccount, …");
    return ExitCode.OK.code();
  }

  private int fail(ExitCode code, String message) {
    err.println("actito-sync: " + code.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + message);
    return code.code();
  }
}
