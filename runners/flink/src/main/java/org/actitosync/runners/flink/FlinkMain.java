package org.actitosync.runners.flink;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import org.actitosync.pipeline.launch.Launcher;
import org.actitosync.runners.flink.cluster.WarmCluster;
import org.actitosync.runners.flink.cluster.WarmClusterChoice;
import org.actitosync.runners.flink.jvm.JvmTuning;

/**
 * {@code java -jar actito-sync-flink.jar}: runs one activation on Apache Flink, on an embedded
 * cluster unless {@code --flinkMaster=host:port} names a Flink 1.19 cluster (the jar is then
 * staged to it). The defaults it adds are in {@link FlinkDefaults}; it refuses the Flink runner's
 * detached mode (exit 2, see {@link FlinkDefaults#unsupported}); it runs the job in a JVM tuned for
 * it unless the user chose the JVM ({@link JvmTuning}); it starts the embedded cluster while the
 * launcher prepares the job ({@link WarmCluster}); everything else (config, {@code --help}, exit
 * codes) is the launcher's.
 */
public final class FlinkMain {
  private FlinkMain() {}

  public static void main(String[] args) {
    List<String> given = List.of(args);
    Optional<Path> jar = ownJar();
    JvmTuning tuning = new JvmTuning(System.getenv(), System.getProperty("user.home"), jar, System.err);
    OptionalInt tuned = tuning.relaunch(given); // first: the tuned JVM does all the rest, Beam's options too
    if (tuned.isPresent()) {
      System.exit(tuned.getAsInt());
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Optional<WarmCluster> warm = WarmClusterChoice.of(given, cores).map(WarmCluster::new);
    Optional<String> unsupported = FlinkDefaults.unsupported(given);
    if (unsupported.isPresent()) {
      System.err.println("actito-sync: config error: " + unsupported.get());
      System.exit(org.actitosync.pipeline.launch.ExitCode.CONFIG_ERROR.code());
    }
    List<String> all = FlinkDefaults.apply(given, cores, jar);
    LongConsumer rowsRead = rows -> tuning.recordRowsRead(given, rows);
    int exit;
    if (warm.isPresent()) {
      try (WarmCluster cluster = warm.get()) { // started once the logs are held, before Beam's options
        String[] withCluster = cluster.args(all).toArray(new String[0]);
        exit = new Launcher(System.out, System.err, rowsRead, cluster::start).run(withCluster);
      }
    } else {
      exit = new Launcher(System.out, System.err, rowsRead).run(all.toArray(new String[0]));
    }
    System.exit(exit);
  }

  /** The jar this class was loaded from, when it was loaded from a jar file. */
  static Optional<Path> ownJar() {
    try {
      var source = FlinkMain.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
