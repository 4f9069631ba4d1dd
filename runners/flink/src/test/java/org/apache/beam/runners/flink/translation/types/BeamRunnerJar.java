package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Beam's own classes that this module replaces, loaded from the Beam runner's jar past the module's
 * classes of the same names (which the test class path puts first), so tests can compare the two.
 */
final class BeamRunnerJar {
  /** The runner's jar the replacements were written against: another version fails the tests. */
  static final String NAME = "beam-runners-flink-1.19-2.62.0.jar";

  private BeamRunnerJar() {}

  /** Beam's own class of {@code replaced}'s name; every other class comes from the test class path. */
  static Class<?> beamsOwn(Class<?> replaced) throws Exception {
    URL runnerJar = KvKeySelector.class.getProtectionDomain().getCodeSource().getLocation();
    assertTrue(runnerJar.getPath().endsWith(NAME), runnerJar + " is not " + NAME);
    String name = replaced.getName();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {runnerJar}, BeamRunnerJar.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
              return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
              Class<?> loaded = findLoadedClass(className);
              return loaded != null ? loaded : findClass(className);
            }
          }
        }) {
      return loader.loadClass(name);
    }
  }
}
