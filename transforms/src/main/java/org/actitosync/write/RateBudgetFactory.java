package org.actitosync.write;

import java.io.Serializable;

/**
 * Gives the writer its {@link RateBudget}. The default is the JVM-wide budget of the run with the
 * real clock; tests inject one with a fake clock so that budget tests take no real minutes.
 */
@FunctionalInterface
public interface RateBudgetFactory extends Serializable {
  RateBudget budget(String runKey, double callsPerMinute, int shards);

  static RateBudgetFactory shared() {
    return RateBudget::shared;
  }
}
