package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.actitosync.runners.testing.Activation;
import org.actitosync.runners.testing.ShadedJar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote path for real: a Flink 1.19 session cluster on loopback (a JobManager and a TaskManager,
 * two JVMs started from the Flink jars Beam's Flink runner pulls in, listed by the build in {@code
 * target/flink-classpath.txt}), and the shaded jar submitted to it with {@code
 * --flinkMaster=localhost:<rest port>}. No {@code --filesToStage} is given: the jar stages itself
 * ({@link FlinkDefaults}).
 */
@Tag("shaded-jar")
class FlinkClusterIT {
  /** What Flink's distribution passes to its JVMs on Java 17 (env.java.opts.all). */
  static final List<String> JAVA17_OPENS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  @TempDir Path dir;

  @Test
  void mirrorsATableOnAFlinkSessionCluster() throws Exception {
    int restPort = freePort();
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("flink-conf.yaml"), flinkConf(restPort, freePort(), dir.resolve("flink-tmp")));
    String classpath = Files.readString(Path.of(System.getProperty("flinkClasspathFile"))).trim();
    Path jmLog = dir.resolve("jobmanager.log");
    Path tmLog = dir.resolve("taskmanager.log");
    List<Process> cluster = new ArrayList<>();
    try {
      long started = System.nanoTime();
      cluster.add(startJvm(classpath, "-Xmx384m",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", conf, jmLog));
      cluster.add(startJvm(classpath, "-Xmx448m",
          "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", conf, tmLog));
      awaitTaskManager(restPort, cluster, jmLog, tmLog);
      long clusterUp = System.nanoTime();

      try (Activation a = new Activation(dir, "flink-cluster")) {
        a.sql("INSERT INTO " + a.table + " VALUES ('o-1',1,10.5,'NEW'),('o-2',2,20,'PAID'),('o-3',1,30,'NEW'),"
            + "('o-4',2,40.25,'CANCELLED'),('o-5',3,50,'NEW')");
        ShadedJar.Run run = ShadedJar.fromBuild().run(dir.resolve("client.log"), Duration.ofSeconds(120),
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "--config=" + a.config("MIRROR"),
            "--flinkMaster=localhost:" + restPort, "--parallelism=2", "--progressSeconds=0");

        String logs = run.output() + "\n--- jobmanager ---\n" + ShadedJar.tail(jmLog)
            + "\n--- taskmanager ---\n" + ShadedJar.tail(tmLog);
        assertEquals(0, run.code(), logs);
        assertEquals(5, a.destination().size(), logs);
        assertEquals(a.source(), a.destination(), logs);
        assertTrue(finishedJobs(restPort) >= 1, "the cluster ran no job: " + logs);
        System.out.printf("FlinkClusterIT: cluster up in %d ms, job submitted and finished in %d ms%n",
            TimeUnit.NANOSECONDS.toMillis(clusterUp - started), run.took().toMillis());
      }
    } finally {
      for (Process p : cluster) {
        p.destroy();
      }
      for (Process p : cluster) {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** A loopback-only session cluster: one TaskManager, two slots, small explicit memory sizes. */
  static String flinkConf(int restPort, int rpcPort, Path tmp) throws IOException {
    Files.createDirectories(tmp);
    return String.join("\n",
        "jobmanager.rpc.address: 127.0.0.1",
        "jobmanager.rpc.port: " + rpcPort,
        "jobmanager.bind-host: 127.0.0.1",
        "jobmanager.memory.process.size: 800m",
        "rest.address: 127.0.0.1",
        "rest.bind-address: 127.0.0.1",
        "rest.port: " + restPort,
        "taskmanager.host: 127.0.0.1",
        "taskmanager.bind-host: 127.0.0.1",
        "taskmanager.numberOfTaskSlots: 2",
        "taskmanager.cpu.cores: 2",
        "taskmanager.memory.framework.heap.size: 64m",
        "taskmanager.memory.task.heap.size: 320m",
        "taskmanager.memory.managed.size: 64m",
        "taskmanager.memory.network.min: 128m",
        "taskmanager.memory.network.max: 128m",
        // Batch shuffles are sort-based from parallelism 1 on, each result partition asking for 512
        // buffers by default: a Beam job's dozens of partitions would not fit in a small TaskManager.
        "taskmanager.network.sort-shuffle.min-buffers: 64",
        "taskmanager.memory.framework.off-heap.size: 64m",
        "taskmanager.memory.task.off-heap.size: 0m",
        "taskmanager.memory.jvm-metaspace.size: 256m",
        // Flink's start scripts derive these; a TaskManager started directly must be given them (min = max).
        "taskmanager.memory.jvm-overhead.min: 192m",
        "taskmanager.memory.jvm-overhead.max: 192m",
        "parallelism.default: 1",
        "io.tmp.dirs: " + tmp,
        "");
  }

  static Process startJvm(String classpath, String heap, String mainClass, Path conf, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(ShadedJar.java(), heap, "-XX:MaxDirectMemorySize=320m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(JAVA17_OPENS);
    command.addAll(List.of("-cp", classpath, mainClass, "--configDir", conf.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until the REST API's {@code /overview} reports a TaskManager (fails if a JVM dies). */
  static void awaitTaskManager(int restPort, List<Process> cluster, Path jmLog, Path tmLog) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : cluster) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster JVM exited with " + p.exitValue() + "\n--- jobmanager ---\n"
              + ShadedJar.tail(jmLog) + "\n--- taskmanager ---\n" + ShadedJar.tail(tmLog));
        }
      }
      try {
        last = get(restPort, "/overview");
        if (last.matches("(?s).*\"taskmanagers\"\\s*:\\s*[1-9].*")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no TaskManager after 90 s; last /overview: " + last + "\n--- jobmanager ---\n"
        + ShadedJar.tail(jmLog) + "\n--- taskmanager ---\n" + ShadedJar.tail(tmLog));
  }

  static int finishedJobs(int restPort) throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"jobs-finished\"\\s*:\\s*(\\d+)")
        .matcher(get(restPort, "/overview"));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  static String get(int restPort, String path) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
