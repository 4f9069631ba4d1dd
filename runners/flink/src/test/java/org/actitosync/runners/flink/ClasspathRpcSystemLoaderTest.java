package org.actitosync.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;

class ClasspathRpcSystemLoaderTest {
  @Test
  void flinkLoadsItsRpcSystemFromTheClassPathNotFromACopiedJar() throws Exception {
    try (RpcSystem system = RpcSystem.load(new Configuration())) {
      // Flink's own loader would return a CleanupOnCloseRpcSystem around a system of its own class loader
      assertEquals(PekkoRpcSystem.class, system.getClass());
      assertSame(ClasspathRpcSystemLoader.class.getClassLoader(), system.getClass().getClassLoader());
    }
  }

  @Test
  void theRpcClassesAreTheFlinkRuntimesVersion() {
    assertEquals(
        EnvironmentInformation.getVersion(),
        PekkoRpcSystem.class.getPackage().getImplementationVersion(),
        "flink-rpc-akka must be the version of the Flink runtime beam-runners-flink-1.19 brings (pom.xml)");
  }
}
