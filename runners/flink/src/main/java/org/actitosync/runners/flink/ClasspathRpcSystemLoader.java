package org.actitosync.runners.flink;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;

/**
 * Gives Flink its RPC system (Pekko, on the Scala library) from the classes this jar carries on
 * its own class path, instead of the way Flink loads it by default.
 *
 * <p>By default every start of a Flink cluster, the embedded one of each run included, copies a
 * 22 MB jar nested in {@code flink-rpc-akka-loader} to a temporary file and loads Pekko from it
 * through a class loader of its own: 0.5–0.6 s of every run here (the embedded cluster started in
 * 0.9–1.1 s, 0.4–0.5 s with this loader; docs/benchmarks.md), and classes that the JVM's class
 * archive cannot hold. The Flink jar ships the same classes as the {@code flink-rpc-akka} artifact
 * of the same Flink version, so this loader hands out the very same {@code PekkoRpcSystem}.
 *
 * <p>Flink asks every {@link RpcSystemLoader} it finds, lowest {@link #getLoadPriority()} first,
 * and goes on to the next when one fails: this one comes before Flink's own (priority 0), and if
 * the classes are missing (a class path without them) Flink's own loader still loads the system
 * as before. What Flink's isolated class loader otherwise buys, Scala and Pekko kept apart from the
 * job's classes, this application does not need: it carries no other Scala or Pekko.
 */
public final class ClasspathRpcSystemLoader implements RpcSystemLoader {
  @Override
  public int getLoadPriority() {
    return -1;
  }

  @Override
  public RpcSystem loadRpcSystem(Configuration config) {
    Iterator<RpcSystem> systems =
        ServiceLoader.load(RpcSystem.class, ClasspathRpcSystemLoader.class.getClassLoader()).iterator();
    if (!systems.hasNext()) {
      throw new RpcLoaderException("no RPC system on the class path (flink-rpc-akka is missing)");
    }
    return systems.next();
  }
}
