package org.actitosync.actito.observe;

import java.util.List;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ErrorClass;

/**
 * Callbacks for every HTTP exchange the client makes, so a caller (e.g. the Beam writer) can feed
 * its own metrics ({@code throttling-msecs} from {@link #onRetry}'s sleep) without the client
 * depending on Beam. Called on the calling thread; implementations must be thread-safe and fast,
 * and must not throw.
 */
public interface ActitoCallListener {
  /** One HTTP exchange finished; {@code status} is 0 when no response was received. */
  default void onCall(Operation operation, int status, long latencyMillis) {}

  /** The client is about to sleep {@code sleepMillis} before retrying (after {@code status}). */
  default void onRetry(Operation operation, int status, int attempt, long sleepMillis) {}

  /** A new access token was minted. */
  default void onTokenMinted() {}

  /** A call failed for good (after retries) with this class. */
  default void onFailure(Operation operation, ErrorClass errorClass, int status) {}

  /** A listener that ignores everything. */
  ActitoCallListener NONE = new ActitoCallListener() {};

  /** Forwards every callback to each listener in order. */
  static ActitoCallListener all(List<ActitoCallListener> listeners) {
    List<ActitoCallListener> copy = List.copyOf(listeners);
    return new ActitoCallListener() {
      @Override
      public void onCall(Operation operation, int status, long latencyMillis) {
        copy.forEach(l -> l.onCall(operation, status, latencyMillis));
      }

      @Override
      public void onRetry(Operation operation, int status, int attempt, long sleepMillis) {
        copy.forEach(l -> l.onRetry(operation, status, attempt, sleepMillis));
      }

      @Override
      public void onTokenMinted() {
        copy.forEach(ActitoCallListener::onTokenMinted);
      }

      @Override
      public void onFailure(Operation operation, ErrorClass errorClass, int status) {
        copy.forEach(l -> l.onFailure(operation, errorClass, status));
      }
    };
  }
}
