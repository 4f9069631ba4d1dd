package org.actitosync.write;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.util.function.Supplier;

/**
 * A {@link NetHttpTransport} that takes a slot from the writer step's current {@link CallBudget}
 * before every HTTP exchange it opens (token mints, retries and polls included), so the
 * calls-per-minute budget bounds what Actito actually receives. Waiting time goes to the
 * throttling metrics.
 */
final class RateLimitedTransport {
  private RateLimitedTransport() {}

  static HttpTransport create(Supplier<CallBudget> budget) {
    return new NetHttpTransport.Builder()
        .setConnectionFactory(
            url -> {
              try {
                WriterMetrics.throttled(budget.get().acquire());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate budget");
              }
              return (HttpURLConnection) url.openConnection();
            })
        .build();
  }
}
