package org.actitosync.write;

import java.io.Serializable;

/**
 * Makes a writer step's {@link CallBudget} from the run's budget and the history of the steps
 * before it. The default paces with the system clock; tests pass one with a fake clock, so that a
 * budget of minutes costs them no real minute.
 */
@FunctionalInterface
public interface Pacing extends Serializable {
  CallBudget budget(double callsPerMinute, CallHistory before);

  /** Real time: {@link System#currentTimeMillis()} and {@link Thread#sleep(long)}. */
  static Pacing systemClock() {
    return (callsPerMinute, before) ->
        new CallBudget(callsPerMinute, System::currentTimeMillis, Thread::sleep, before);
  }
}
