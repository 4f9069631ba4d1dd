package org.actitosync.write;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;

/**
 * Runs a batch of calls with at most {@code concurrency} of them at once, on the pool's threads,
 * and returns their results in the batch's order once every one has ended: no call outlives the
 * batch, so a DoFn emits every result from its own thread. The pool threads report Beam metrics
 * to the container of the thread that submits the batch. Once a call has thrown, the calls of the
 * batch not yet started are skipped, and the first exception is rethrown (its cause when wrapped)
 * after the calls already started have ended: an authentication error or an outage stops the run
 * within {@code concurrency} calls.
 */
final class BoundedCalls implements AutoCloseable {
  private final ExecutorService pool;

  BoundedCalls(int concurrency, String name) {
    this.pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  <T, R> List<R> run(Iterable<T> batch, Function<T, R> call) {
    MetricsContainer metrics = MetricsEnvironment.getCurrentContainer();
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<R>> futures = new ArrayList<>();
    for (T item : batch) {
      futures.add(pool.submit(() -> {
        if (failed.get()) {
          return null;
        }
        try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(metrics)) {
          return call.apply(item);
        } catch (RuntimeException e) {
          failed.set(true);
          throw e;
        }
      }));
    }
    List<R> results = new ArrayList<>(futures.size());
    RuntimeException first = null;
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new IllegalStateException("interrupted while writing to Actito", e);
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r
              : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

}
