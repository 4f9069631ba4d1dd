package org.actitosync.pipeline.alert;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.ExponentialBackOff;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts the message as JSON ({@link AlertMessage#json()}: a Slack-compatible {@code text} plus the
 * structured fields). Retried with exponential backoff on I/O errors, 429 and 5xx, up to the
 * configured attempts; any other status fails at once. The URL is never printed: a Slack-style URL
 * carries its token in the path, so messages name the scheme and host only.
 */
public final class WebhookChannel implements AlertChannel {
  private static final NetHttpTransport TRANSPORT = new NetHttpTransport();

  private final WebhookSettings settings;
  private final int initialBackoffMillis;

  public WebhookChannel(WebhookSettings settings) {
    this(settings, 1_000);
  }

  WebhookChannel(WebhookSettings settings, int initialBackoffMillis) {
    this.settings = settings;
    this.initialBackoffMillis = initialBackoffMillis;
  }

  @Override
  public String describe() {
    return "webhook " + (settings.urlSecret() != null
        ? "(" + settings.urlSecret().describeSource() + ")" : origin(settings.url()));
  }

  @Override
  public int send(AlertMessage message) throws IOException {
    String url = settings.resolveUrl();
    AtomicInteger attempts = new AtomicInteger();
    byte[] body = message.json().toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = TRANSPORT.createRequestFactory()
        .buildPostRequest(new GenericUrl(url), new ByteArrayContent("application/json", body));
    int timeoutMillis = settings.timeoutSeconds() * 1000;
    request.setConnectTimeout(timeoutMillis).setReadTimeout(timeoutMillis);
    request.setNumberOfRetries(settings.attempts() - 1);
    request.setThrowExceptionOnExecuteError(false);
    request.setLoggingEnabled(false);
    request.setInterceptor(r -> attempts.incrementAndGet());
    ExponentialBackOff backOff = new ExponentialBackOff.Builder()
        .setInitialIntervalMillis(initialBackoffMillis)
        .setMultiplier(2)
        .setMaxElapsedTimeMillis(Integer.MAX_VALUE)
        .build();
    request.setUnsuccessfulResponseHandler(new HttpBackOffUnsuccessfulResponseHandler(backOff)
        .setBackOffRequired(r -> r.getStatusCode() == 429 || r.getStatusCode() >= 500));
    request.setIOExceptionHandler(new HttpBackOffIOExceptionHandler(backOff));
    HttpResponse response;
    try {
      response = request.execute();
    } catch (IOException e) {
      throw new ChannelException(safe(e.getClass().getSimpleName() + ": " + e.getMessage(), url), attempts.get());
    }
    try {
      if (!response.isSuccessStatusCode()) {
        throw new ChannelException("HTTP " + response.getStatusCode() + " from " + origin(url), attempts.get());
      }
      return attempts.get();
    } finally {
      response.disconnect();
    }
  }

  /** scheme://host[:port] of a URL. */
  static String origin(String url) {
    try {
      URI uri = new URI(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (java.net.URISyntaxException e) {
      return "(invalid URL)";
    }
  }

  private static String safe(String text, String url) {
    String out = text.replace(url, origin(url));
    try {
      String path = new URI(url).getRawPath();
      if (path != null && path.length() > 1) {
        out = out.replace(path, "/…");
      }
    } catch (java.net.URISyntaxException e) {
      // nothing more to hide
    }
    return out;
  }
}
