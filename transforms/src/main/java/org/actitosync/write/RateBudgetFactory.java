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

  /**
   * The JVM-wide budget of the run, whole from the first call: for runners that run every shard in
   * this JVM (the DirectRunner, Flink's embedded cluster), where the budget need not be shared out
   * by the shards seen so far (which would leave it underused until every shard has started).
   */
  static RateBudgetFactory wholeInThisJvm() {
    return (runKey, callsPerMinute, shards) -> RateBudget.shared(runKey, callsPerMinute, 0);
  }
}
