package org.actitosync.runners.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.actitosync.runners.testing.ShadedJar;

/**
 * A Flink 1.19 session cluster on loopback for the ITs: one JobManager and {@code n} TaskManagers of
 * two slots each, every one its own JVM started from the Flink jars Beam's Flink runner pulls in
 * (listed by the build in {@code target/flink-classpath.txt}, system property {@code
 * flinkClasspathFile}), with a {@code flink-conf.yaml} written here and free ports. {@link #close()}
 * stops every JVM.
 */
final class FlinkSessionCluster implements AutoCloseable {
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
  static final int SLOTS_PER_TASK_MANAGER = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  final int restPort;
  private final Path jmLog;
  private final List<Path> tmLogs;
  private final List<Process> jvms;

  private FlinkSessionCluster(int restPort, Path jmLog, List<Path> tmLogs, List<Process> jvms) {
    this.restPort = restPort;
    this.jmLog = jmLog;
    this.tmLogs = tmLogs;
    this.jvms = jvms;
  }

  /** Starts the JobManager and {@code taskManagers} TaskManagers; returns once all have registered. */
  static FlinkSessionCluster start(Path dir, int taskManagers) throws Exception {
    int restPort = freePort();
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("flink-conf.yaml"), flinkConf(restPort, freePort(), dir.resolve("flink-tmp")));
    String classpath = Files.readString(Path.of(System.getProperty("flinkClasspathFile"))).trim();
    Path jmLog = dir.resolve("jobmanager.log");
    List<Path> tmLogs = new ArrayList<>();
    List<Process> jvms = new ArrayList<>();
    FlinkSessionCluster cluster = new FlinkSessionCluster(restPort, jmLog, tmLogs, jvms);
    try {
      jvms.add(startJvm(classpath, "-Xmx384m",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", conf, jmLog));
      for (int i = 1; i <= taskManagers; i++) {
        Path tmLog = dir.resolve("taskmanager-" + i + ".log");
        tmLogs.add(tmLog);
        jvms.add(startJvm(classpath, "-Xmx448m", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", conf, tmLog));
      }
      cluster.awaitTaskManagers(taskManagers);
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** A loopback-only session cluster: two slots per TaskManager, small explicit memory sizes. */
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
        "taskmanager.numberOfTaskSlots: " + SLOTS_PER_TASK_MANAGER,
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

  /** Waits until the REST API's {@code /overview} reports {@code n} TaskManagers (fails if a JVM dies). */
  private void awaitTaskManagers(int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : jvms) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster JVM exited with " + p.exitValue() + "\n" + logs());
        }
      }
      try {
        JsonNode overview = rest("/overview");
        last = overview.toString();
        if (overview.path("taskmanagers").asInt() >= n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(n + " TaskManagers not registered after 120 s; last /overview: " + last + "\n" + logs());
  }

  /** The REST API's {@code /overview}: {@code taskmanagers}, {@code slots-total}, {@code jobs-finished}, … */
  JsonNode overview() throws IOException, InterruptedException {
    return rest("/overview");
  }

  /** The jobs the cluster has run, as {@code /jobs/overview} lists them. */
  List<JsonNode> jobs() throws IOException, InterruptedException {
    List<JsonNode> jobs = new ArrayList<>();
    rest("/jobs/overview").path("jobs").forEach(jobs::add);
    return jobs;
  }

  /** The most subtasks any vertex of job {@code jid} ran with. */
  int maxParallelism(String jid) throws IOException, InterruptedException {
    int max = 0;
    for (JsonNode vertex : rest("/jobs/" + jid).path("vertices")) {
      max = Math.max(max, vertex.path("parallelism").asInt());
    }
    return max;
  }

  /** The TaskManagers (ids) that ran at least one subtask of job {@code jid}. */
  Set<String> taskManagersOf(String jid) throws IOException, InterruptedException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode vertex : rest("/jobs/" + jid).path("vertices")) {
      for (JsonNode tm : rest("/jobs/" + jid + "/vertices/" + vertex.path("id").asText() + "/taskmanagers")
          .path("taskmanagers")) {
        ids.add(tm.hasNonNull("taskmanager-id") ? tm.get("taskmanager-id").asText() : tm.path("endpoint").asText());
      }
    }
    return ids;
  }

  JsonNode rest(String path) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
        .timeout(Duration.ofSeconds(5)).build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The tails of the JobManager's and every TaskManager's log, for failure messages. */
  String logs() {
    StringBuilder text = new StringBuilder("--- jobmanager ---\n").append(ShadedJar.tail(jmLog));
    for (int i = 0; i < tmLogs.size(); i++) {
      text.append("\n--- taskmanager ").append(i + 1).append(" ---\n").append(ShadedJar.tail(tmLogs.get(i)));
    }
    return text.toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : jvms) {
      p.destroy();
    }
    for (Process p : jvms) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
